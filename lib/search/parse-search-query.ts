import { AppError } from "../errors";
import type { Bilingual } from "../i18n/locale";

export type SearchMode = "substring" | "word" | "regex";

/**
 * A search term. `bare` terms follow the search mode (substring, whole jieba words, or a
 * regular expression); `phrase` terms ("…" or “…”) are always exact substrings; `regex`
 * terms (/…/, recognised in regex mode only) are patterns that may contain spaces and
 * parentheses.
 */
export type TermNode = { type: "term"; kind: "bare" | "phrase" | "regex"; value: string; position: number };

export type QueryNode =
  | TermNode
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode };

export type ParseOptions = { mode?: SearchMode };

type Token =
  | { t: "term"; kind: TermNode["kind"]; value: string; pos: number }
  | { t: "and" | "or" | "not"; word: string; pos: number }
  | { t: "(" | ")"; pos: number };

const OPERATORS: Record<string, "and" | "or" | "not"> = {
  AND: "and",
  OR: "or",
  NOT: "not",
  且: "and",
  或: "or",
  非: "not",
};

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "“": "”", "”": "”" };

function fail(message: Bilingual, position?: number): never {
  throw new AppError("invalid_input", message, position === undefined ? undefined : { position });
}

/** Splits a query into tokens; positions are 1-based and count code points (what the user sees). */
function lex(q: string, mode: SearchMode): Token[] {
  const chars = Array.from(q);
  const tokens: Token[] = [];
  let i = 0;
  for (let c = chars[i]; c !== undefined; c = chars[i]) {
    const pos = i + 1;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ t: c, pos });
      i++;
    } else if (CLOSING_QUOTE[c] !== undefined) {
      const close = CLOSING_QUOTE[c];
      let j = i + 1;
      while (j < chars.length && chars[j] !== close && !(close === "”" && chars[j] === '"')) j++;
      if (j >= chars.length) {
        fail({ en: `unclosed quote: the ${c} at position ${pos} has no closing quote`, zh: `第 ${pos} 个字符处的引号没有闭合` }, pos);
      }
      const value = chars.slice(i + 1, j).join("");
      if (value.length === 0) fail({ en: `empty phrase at position ${pos}`, zh: `第 ${pos} 个字符处的引号内没有内容` }, pos);
      tokens.push({ t: "term", kind: "phrase", value, pos });
      i = j + 1;
    } else if (c === "/" && mode === "regex") {
      let j = i + 1;
      while (j < chars.length && chars[j] !== "/") j += chars[j] === "\\" ? 2 : 1;
      if (j >= chars.length) {
        fail({ en: `unclosed regular expression: the / at position ${pos} has no closing /`, zh: `第 ${pos} 个字符处的正则表达式没有闭合` }, pos);
      }
      const value = chars.slice(i + 1, j).join("");
      if (value.length === 0) fail({ en: `empty regular expression at position ${pos}`, zh: `第 ${pos} 个字符处的正则表达式为空` }, pos);
      tokens.push({ t: "term", kind: "regex", value, pos });
      i = j + 1;
    } else {
      let j = i;
      for (let d = chars[j]; d !== undefined && !/\s/u.test(d) && d !== "(" && d !== ")" && !(d in CLOSING_QUOTE); d = chars[j]) j++;
      const word = chars.slice(i, j).join("");
      const op = OPERATORS[word];
      tokens.push(op ? { t: op, word, pos } : { t: "term", kind: "bare", value: word, pos });
      i = j;
    }
  }
  return tokens;
}

/**
 * Parses a corpus query into a boolean tree. Syntax: bare terms, "exact phrases" (ASCII
 * or Chinese quotes), AND / OR / NOT (also 且 / 或 / 非) as separate words, ASCII
 * parentheses; adjacent terms are joined by AND. NOT binds tightest, then AND, then OR.
 * Full-width parentheses （） are ordinary characters (they occur in policy texts).
 * Malformed queries raise AppError("invalid_input") naming the position (1-based, in
 * characters).
 */
export function parseSearchQuery(q: string, opts: ParseOptions = {}): QueryNode {
  const tokens = lex(q, opts.mode ?? "substring");
  if (tokens.length === 0) fail({ en: "the query is empty", zh: "查询为空" });
  let k = 0;
  const peek = (): Token | undefined => tokens[k];

  const describe = (t: Token): string => (t.t === "term" ? `"${t.value}"` : "word" in t ? t.word : t.t);

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    for (let t = peek(); t && t.t === "or"; t = peek()) {
      k++;
      const next = peek();
      if (!next || next.t === ")" || next.t === "or" || next.t === "and") {
        fail({ en: `${t.word} at position ${t.pos} has no term after it`, zh: `第 ${t.pos} 个字符处的 ${t.word} 后缺少检索词` }, t.pos);
      }
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: "or", children }; // length checked
  }

  function parseAnd(): QueryNode {
    const children = [parseUnary()];
    for (let t = peek(); t && t.t !== "or" && t.t !== ")"; t = peek()) {
      if (t.t === "and") {
        k++;
        const next = peek();
        if (!next || next.t === ")" || next.t === "or" || next.t === "and") {
          fail({ en: `${t.word} at position ${t.pos} has no term after it`, zh: `第 ${t.pos} 个字符处的 ${t.word} 后缺少检索词` }, t.pos);
        }
      }
      children.push(parseUnary());
    }
    return children.length === 1 ? children[0]! : { type: "and", children }; // length checked
  }

  function parseUnary(): QueryNode {
    const t = peek();
    if (!t) fail({ en: "the query ends too early", zh: "查询不完整" });
    if (t.t === "not") {
      k++;
      const next = peek();
      if (!next || next.t === ")" || next.t === "or" || next.t === "and") {
        fail({ en: `${t.word} at position ${t.pos} has no term after it`, zh: `第 ${t.pos} 个字符处的 ${t.word} 后缺少检索词` }, t.pos);
      }
      return { type: "not", child: parseUnary() };
    }
    return parsePrimary();
  }

  function parsePrimary(): QueryNode {
    const t = peek()!;
    if (t.t === "term") {
      k++;
      return { type: "term", kind: t.kind, value: t.value, position: t.pos };
    }
    if (t.t === "(") {
      k++;
      const inner = peek();
      if (!inner) fail({ en: `unbalanced parentheses: the ( at position ${t.pos} is never closed`, zh: `括号不匹配：第 ${t.pos} 个字符处的“(”没有闭合` }, t.pos);
      if (inner.t === ")") fail({ en: `empty parentheses at position ${t.pos}`, zh: `第 ${t.pos} 个字符处的括号内没有内容` }, t.pos);
      const node = parseOr();
      const close = peek();
      if (!close || close.t !== ")") {
        fail({ en: `unbalanced parentheses: the ( at position ${t.pos} is never closed`, zh: `括号不匹配：第 ${t.pos} 个字符处的“(”没有闭合` }, t.pos);
      }
      k++;
      return node;
    }
    if (t.t === ")") {
      fail({ en: `unbalanced parentheses: unexpected ) at position ${t.pos}`, zh: `括号不匹配：第 ${t.pos} 个字符处多余的“)”` }, t.pos);
    }
    // An AND / OR with nothing before it.
    fail({ en: `${describe(t)} at position ${t.pos} has no term before it`, zh: `第 ${t.pos} 个字符处的 ${describe(t)} 前缺少检索词` }, t.pos);
  }

  const ast = parseOr();
  const rest = peek();
  if (rest) {
    // Only a stray ")" can stop the top-level loop early.
    fail({ en: `unbalanced parentheses: unexpected ) at position ${rest.pos}`, zh: `括号不匹配：第 ${rest.pos} 个字符处多余的“)”` }, rest.pos);
  }
  return ast;
}

/** Terms that are not under a NOT: the ones a hit can show. Deduplicated by kind and value. */
export function positiveTerms(node: QueryNode): TermNode[] {
  const out = new Map<string, TermNode>();
  const walk = (n: QueryNode, negated: boolean): void => {
    if (n.type === "term") {
      if (!negated && !out.has(`${n.kind}\u0000${n.value}`)) out.set(`${n.kind}\u0000${n.value}`, n);
    } else if (n.type === "not") walk(n.child, !negated);
    else n.children.forEach((c) => walk(c, negated));
  };
  walk(node, false);
  return [...out.values()];
}
