import { AppError } from "../errors";
import type { OffsetMap } from "../text/offsets";

/** Code points of context stored on each side of a coding's quote. */
export const CONTEXT_CODE_POINTS = 20;

export type QuoteSelector = { quote: string; prefix: string; suffix: string };

/**
 * Checks a span [start, end) in code points against a document's text and returns the
 * quote with its prefix/suffix. Every refusal names the numbers involved, so the user
 * (or the CLI) can see what was wrong.
 */
export function validateSpan(map: OffsetMap, start: number, end: number): QuoteSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AppError(
      "invalid_input",
      { en: `start and end must be whole numbers of characters (got ${start}, ${end})`, zh: "起止位置必须是整数" },
    );
  }
  if (start < 0) {
    throw new AppError("invalid_input", { en: `start (${start}) must not be negative`, zh: "起始位置不能为负数" });
  }
  if (start > end) {
    throw new AppError(
      "invalid_input",
      { en: `start (${start}) is after end (${end}): the selection is reversed`, zh: "起始位置在结束位置之后" },
    );
  }
  if (start === end) {
    throw new AppError("invalid_input", { en: `the selection is empty (start = end = ${start})`, zh: "选区为空" });
  }
  if (end > map.cpCount) {
    throw new AppError(
      "invalid_input",
      { en: `end (${end}) is beyond the end of the document (${map.cpCount} characters)`, zh: `结束位置超出文档长度（${map.cpCount} 字）` },
    );
  }
  const quote = map.slice(start, end);
  if (/^\s*$/u.test(quote)) {
    throw new AppError("invalid_input", { en: "the selection contains only whitespace", zh: "选区只包含空白字符" });
  }
  return quoteSelector(map, start, end);
}

/** The quote at [start, end) with up to CONTEXT_CODE_POINTS of text on each side. */
export function quoteSelector(map: OffsetMap, start: number, end: number): QuoteSelector {
  return {
    quote: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - CONTEXT_CODE_POINTS), start),
    suffix: map.slice(end, Math.min(map.cpCount, end + CONTEXT_CODE_POINTS)),
  };
}

/** Refuses when the client's view of the selected text differs from the document. */
export function assertExpectedQuote(actual: string, expected: string | undefined): void {
  if (expected === undefined || expected === actual) return;
  throw new AppError(
    "conflict",
    { en: "the selected text no longer matches the document; reload it and select again", zh: "选中文本与文档不一致，请刷新后重新选择" },
    { expected, actual },
  );
}
