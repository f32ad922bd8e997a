import { RE2JS } from "re2js";
import { AppError } from "../errors";

/**
 * User-written regular expressions, compiled for re2js: a linear-time engine, so that no
 * pattern (e.g. `(.*.*)*y`, which JavaScript's backtracking engine never finishes on a long
 * report) can block the server. The pattern is written in JavaScript syntax; what RE2 cannot
 * do in linear time (backreferences, lookaheads) is refused with a reason instead of being
 * silently changed. Indices are UTF-16 positions of the JS string, and `.` / classes match
 * whole code points (like the `u` flag).
 */
export type SafeRegex = {
  test(text: string): boolean;
  /** Non-empty matches, in text order, as UTF-16 [from, to). */
  spans(text: string): { from: number; to: number }[];
};

type Unsupported = { en: string; zh: string } | null;


/** Backreferences and lookaheads, found outside escapes (`\\1` is a backslash then "1"). */
function unsupportedFeature(pattern: string): Unsupported {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<"))) {
        return { en: "backreferences (\\1, \\k<name>) are not supported", zh: "不支持反向引用（\\1、\\k<name>）" };
      }
      i++;
    } else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (!inClass && c === "(" && pattern[i + 1] === "?" && (pattern[i + 2] === "=" || pattern[i + 2] === "!")) {
      return { en: "lookaheads (?= …) and (?! …) are not supported", zh: "不支持先行断言 (?= …) 与 (?! …)" };
    }
  }
  return null;
}

/** `reason.zh` absent: the engine's own (English-only) wording is left out of the Chinese text. */
function invalid(pattern: string, position: number, reason: { en: string; zh?: string }): AppError {
  return new AppError(
    "invalid_input",
    {
      en: `invalid regular expression /${pattern}/ at position ${position}: ${reason.en}`,
      zh: `第 ${position} 个字符处的正则表达式无效${reason.zh ? `：${reason.zh}` : ""}`,
    },
    { position },
  );
}

/** Compiles a user pattern; an invalid or unsupported one is an `invalid_input` AppError. */
export function compileSafeRegex(pattern: string, position: number): SafeRegex {
  const unsupported = unsupportedFeature(pattern);
  if (unsupported) throw invalid(pattern, position, unsupported);
  let re: RE2JS;
  try {
    // JavaScript's \p{Script=Han} is RE2's \p{Han}; translateRegExp handles \u{…} and (?<name>…).
    const source = RE2JS.translateRegExp(pattern.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=(\w+)\}/g, "\\$1{$2}"));
    // Lookbehinds leave re2js's fastest engines, so the flag is only set when one is written.
    const flags = /\(\?<[=!]/.test(pattern) ? RE2JS.LOOKBEHINDS : 0;
    re = RE2JS.compile(source, flags);
  } catch (e) {
    // re2js reports in English only ("error parsing regexp: missing closing ): `(abc`").
    throw invalid(pattern, position, { en: e instanceof Error ? e.message : String(e) });
  }
  return {
    test: (text) => re.test(text),
    spans: (text) => {
      const out: { from: number; to: number }[] = [];
      for (const m of re.matchAll(text)) {
        const at = m.index ?? 0;
        if (m[0].length > 0) out.push({ from: at, to: at + m[0].length });
      }
      return out;
    },
  };
}
