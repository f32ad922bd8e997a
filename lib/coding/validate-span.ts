import { AppError } from "../errors";
import { OffsetMap } from "../text/offsets";

/** Code points of context stored on each side of a coding's quote. */
export const CONTEXT_CODE_POINTS = 20;

export type QuoteSelector = { quote: string; prefix: string; suffix: string };

/**
 * Checks a span [start, end) in code points against a document's text and returns the
 * quote with its prefix/suffix. Every refusal names the numbers involved, so the user
 * (or the CLI) can see what was wrong.
 */
export function validateSpan(map: OffsetMap, start: number, end: number): QuoteSelector {
  checkSpanShape(start, end);
  checkSpanWithin(end, map.cpCount);
  return checkedSelector(quoteSelector(map, start, end));
}

/** The refusals that need no text: whole numbers, not negative, in order, not empty. */
export function checkSpanShape(start: number, end: number): void {
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
}

/** Refuses a span that ends beyond a text of `cpCount` code points. */
export function checkSpanWithin(end: number, cpCount: number): void {
  if (end > cpCount) {
    throw new AppError(
      "invalid_input",
      { en: `end (${end}) is beyond the end of the document (${cpCount} characters)`, zh: `结束位置超出文档长度（${cpCount} 字）` },
    );
  }
}

/** Refuses a quote that is only whitespace; passes the selector through otherwise. */
function checkedSelector(selector: QuoteSelector): QuoteSelector {
  if (/^\s*$/u.test(selector.quote)) {
    throw new AppError("invalid_input", { en: "the selection contains only whitespace", zh: "选区只包含空白字符" });
  }
  return selector;
}

/** The quote at [start, end) with up to CONTEXT_CODE_POINTS of text on each side. */
export function quoteSelector(map: OffsetMap, start: number, end: number): QuoteSelector {
  return {
    quote: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - CONTEXT_CODE_POINTS), start),
    suffix: map.slice(end, Math.min(map.cpCount, end + CONTEXT_CODE_POINTS)),
  };
}

/**
 * The stretch of text a coding of [start, end) stores: the quote and its context,
 * [windowStart, windowEnd) in code points (windowEnd may pass the end of the text;
 * reading it with SQL substr simply stops there).
 */
export function contextWindow(start: number, end: number): { windowStart: number; windowEnd: number } {
  return { windowStart: Math.max(0, start - CONTEXT_CODE_POINTS), windowEnd: end + CONTEXT_CODE_POINTS };
}

/**
 * validateSpan for when only the context window of the text was read (the coding write
 * path reads that stretch with SQL substr, not the whole document): `window` is the text
 * from code point `windowStart` as given by contextWindow, `cpCount` the document's length.
 */
export function validateSpanInWindow(opts: {
  window: string;
  windowStart: number;
  cpCount: number;
  start: number;
  end: number;
}): QuoteSelector {
  const { window, windowStart, cpCount, start, end } = opts;
  checkSpanShape(start, end);
  checkSpanWithin(end, cpCount);
  const map = new OffsetMap(window);
  const at = (cp: number) => Math.min(map.cpCount, cp - windowStart);
  return checkedSelector({
    quote: map.slice(at(start), at(end)),
    prefix: map.slice(0, at(start)),
    suffix: map.slice(at(end), map.cpCount),
  });
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
