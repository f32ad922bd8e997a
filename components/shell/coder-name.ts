/** Shared by the server helper (app/coder.ts) and the header control. */
export const CODER_COOKIE = "juncture-coder";
export const DEFAULT_CODER = "researcher";

/** A usable coder name, or null: trimmed, 1–50 characters, no control characters. */
export function normalizeCoderName(value: string): string | null {
  const name = value.trim().replace(/\s+/g, " ");
  if (name.length === 0 || name.length > 50) return null;
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}
