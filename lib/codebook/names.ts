import type { CodeSkeleton } from "../db/codes";

/**
 * Short names are unique per project ignoring case: "coe-1" next to "COE-1" would be two
 * codes a researcher cannot tell apart on the CLI or in a chip. The database only enforces
 * the exact-case rule, so the domain checks this one.
 */
export function shortNameKey(shortName: string): string {
  return shortName.normalize("NFKC").trim().toLowerCase();
}

export function findShortNameClash(
  codes: readonly CodeSkeleton[],
  shortName: string,
  exceptId?: string,
): CodeSkeleton | undefined {
  const key = shortNameKey(shortName);
  return codes.find((c) => c.id !== exceptId && shortNameKey(c.shortName) === key);
}

/** "COE-1 重构区域空间格局" — how messages name a code. */
export function describeCode(code: { shortName: string; labelZh?: string; labelEn?: string }): string {
  const label = code.labelZh || code.labelEn;
  return label ? `“${code.shortName}” (${label})` : `“${code.shortName}”`;
}
