import { z } from "zod";
import { maxFileBytes } from "@/lib/corpus/import-document";
import { documentMetadataPatchSchema, type DocumentMetadataPatch } from "@/lib/corpus/metadata";
import { MAX_JSON_BODY_BYTES, mebibytes } from "@/lib/http/limits";
import { AppError, httpStatusOf, isAppError, userMessage, type AppErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import { zodText } from "@/lib/i18n/text";
import { zodMessage } from "@/lib/parse-input";
import { currentLocale } from "../locale";

/**
 * Route-handler plumbing shared by every API route: one JSON error shape
 * `{ error: { code, message } }`, one mapping from AppError codes to HTTP statuses
 * (`httpStatusOf`), and zod validation failures reported as `invalid_input`.
 * Anything else (driver errors, bugs) is logged on the server and leaves as a
 * generic 500 so that no SQL or stack trace reaches the browser. Messages are in the
 * request's language (locale cookie, else Accept-Language).
 */

export type ApiError = { error: { code: AppErrorCode | "internal"; message: string } };

export function errorResponse(e: unknown, locale: Locale): Response {
  if (e instanceof z.ZodError) {
    return Response.json(
      { error: { code: "invalid_input", message: zodMessage(e, locale) } } satisfies ApiError,
      { status: httpStatusOf.invalid_input },
    );
  }
  if (isAppError(e)) {
    return Response.json({ error: { code: e.code, message: e.text[locale] } } satisfies ApiError, {
      status: httpStatusOf[e.code],
    });
  }
  console.error("[api] unexpected error", e);
  return Response.json({ error: { code: "internal", message: userMessage(e, locale) } } satisfies ApiError, {
    status: 500,
  });
}

/** Runs a handler body; whatever it throws becomes the JSON error response. */
export async function handle(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    return errorResponse(e, await currentLocale());
  }
}

/**
 * Parses a JSON request body with a schema; malformed JSON is an invalid_input error, a body
 * over MAX_JSON_BODY_BYTES (1 MiB) is refused with 413 without being read whole.
 */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const bytes = await readBodyWithin(req, MAX_JSON_BODY_BYTES, MAX_JSON_BODY_BYTES).catch((e: unknown) => {
    if (!isAppError(e) || e.code !== "too_large") throw e;
    const mb = mebibytes(MAX_JSON_BODY_BYTES);
    throw new AppError("too_large", { en: `the request body is over the ${mb} MiB limit`, zh: `请求体超过 ${mb} MiB 的限制` });
  });
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("invalid_input", { en: "request body must be JSON", zh: "请求体必须是 JSON" });
  }
  return schema.parse(raw);
}

/** Parses the URL query (single-valued parameters; empty values count as absent). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v.trim() !== "") raw[k] = v;
  return schema.parse(raw);
}

/** A created resource (201) or any JSON value (200). */
export function created(value: unknown): Response {
  return Response.json(value, { status: 201 });
}

export function ok(value: unknown): Response {
  return Response.json(value);
}

// ---- multipart upload (one file per request) ----------------------------------

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * The metadata fields an upload form may send next to the file. Text fields left
 * empty mean "not given" so that values inferred from the file name still apply.
 */
const uploadFieldsSchema = z.object({
  title: optionalText,
  region: optionalText,
  province: optionalText,
  city: optionalText,
  issuer: optionalText,
  level: optionalText,
  docType: optionalText,
  year: optionalText
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number({ message: zodText("year must be a number", "年份须为数字") }).int().optional()),
  date: optionalText,
  language: optionalText,
  sourceRef: optionalText,
  encoding: optionalText,
});

export type UploadForm = {
  fileName: string;
  bytes: Uint8Array;
  encoding?: string;
  metadata: DocumentMetadataPatch;
};

/** Room for the multipart framing and the metadata fields next to the file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

function tooLarge(limitBytes: number): AppError {
  const mb = (limitBytes / 1024 / 1024).toFixed(1);
  return new AppError(
    "too_large",
    { en: `the upload is over the ${mb} MB limit (JUNCTURE_MAX_FILE_MB)`, zh: `上传的文件超过 ${mb} MB 的大小限制` },
  );
}

/**
 * The request body, refused with 413 as soon as it passes `maxBytes`: a declared
 * Content-Length is checked before anything is read, and the bytes are counted while
 * streaming (the header may be absent or wrong), so an oversized upload never sits
 * in memory whole.
 */
async function readBodyWithin(req: Request, maxBytes: number, limitForMessage: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(limitForMessage);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitForMessage);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads `multipart/form-data` with one `file` and optional metadata fields. The body is
 * read within the file-size limit (JUNCTURE_MAX_FILE_MB, default 50) plus room for the form.
 */
export async function parseUploadForm(req: Request, opts: { maxFileBytes?: number } = {}): Promise<UploadForm> {
  const limit = opts.maxFileBytes ?? maxFileBytes();
  const body = await readBodyWithin(req, limit + FORM_OVERHEAD_BYTES, limit);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("invalid_input", { en: "expected a multipart form with a file", zh: "需要以表单方式上传文件" });
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("invalid_input", { en: "no file in the upload (field “file”)", zh: "未收到文件" });
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form) if (k !== "file" && typeof v === "string") fields[k] = v;
  const { encoding, ...metadata } = uploadFieldsSchema.parse(fields);
  const given = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
  return {
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    encoding,
    metadata: documentMetadataPatchSchema.parse(given),
  };
}
