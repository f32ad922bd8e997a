/**
 * How much one request may send. JSON bodies of the API are small (a coding, a memo, a
 * search request with filters); 1 MiB leaves room for bulk codings and long memos. Uploads
 * (document import) are bounded per file by JUNCTURE_MAX_FILE_MB (default 50, see
 * `maxFileBytes` in lib/corpus/import-document.ts) plus room for the multipart form.
 */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Multipart framing and the metadata fields next to the file. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * The largest multipart body an import may send. Reads JUNCTURE_MAX_FILE_MB like
 * `maxFileBytes`, without importing the import pipeline into the proxy.
 */
export function maxUploadBodyBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.JUNCTURE_MAX_FILE_MB);
  const file = Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : 50 * 1024 * 1024;
  return file + FORM_OVERHEAD_BYTES;
}

/** A declared Content-Length over the limit (an absent or malformed one is checked while reading). */
export function declaredTooLarge(contentLength: string | null, limit: number): boolean {
  if (contentLength === null || contentLength.trim() === "") return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > limit;
}

export function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
