import { inPageLanguage } from "@/components/shell/page-locale";

/**
 * The browser's one client for our JSON routes. Every call goes through `apiJson` (or
 * `upload` for a file with progress), and every failure is thrown as `ApiFailure` carrying
 * the HTTP status and the server's `{ error: { code, message } }`, so that a view shows the
 * user-facing reason as is and branches on the code (409 → "changed by someone else").
 */

export class ApiFailure extends Error {
  readonly code: string;
  readonly status: number;
  /** `status` 0 means the server was not reached (network) or the call was cancelled. */
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "ApiFailure";
    this.code = code;
    this.status = status;
  }
}

export type ApiInit = {
  /** Defaults to POST when there is a body, else GET. */
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The browser's HTTP cache: "no-store" (the default) for data that changes; "default" lets
   * a route that marks its answer cacheable (a document's text) be served from the cache, or
   * from a `<link rel="preload" as="fetch">` of the same URL.
   */
  cache?: RequestCache;
};

// Not a hook, so no catalogue here: the page's <html lang> tells the language.
const networkMessage = () => inPageLanguage({ en: "network error: the server did not answer", zh: "网络错误：服务器无响应" });

/** The ApiFailure for a non-2xx status and its (possibly non-JSON) body. */
export function failureOf(status: number, body: unknown): ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${status}`;
  const message =
    typeof error?.message === "string" && error.message !== ""
      ? error.message
      : inPageLanguage({ en: `request failed (HTTP ${status})`, zh: `请求失败（HTTP ${status}）` });
  return new ApiFailure(code, message, status);
}

/** Calls a JSON route and returns its parsed body; throws ApiFailure (AbortError passes through). */
export async function apiJson<T>(url: string, init: ApiInit = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  const method = init.method ?? (hasBody ? "POST" : "GET");
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      // Every mutation says JSON, with or without a body: the server's CSRF check (proxy.ts)
      // refuses other content types, which a cross-site form could send without a preflight.
      headers: hasBody || method !== "GET" ? { "content-type": "application/json" } : undefined,
      body: hasBody ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      cache: init.cache ?? "no-store",
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiFailure("network", networkMessage(), 0);
  }
  if (!res.ok) throw failureOf(res.status, await res.json().catch(() => null));
  return (await res.json()) as T;
}

/**
 * Posts one multipart form with upload progress (fetch cannot report it, hence XHR).
 * `onProgress` gets the fraction of bytes sent; 1 means all sent and the server is working.
 * Resolves with the parsed body; throws ApiFailure like `apiJson`.
 */
export function upload<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(e.loaded / e.total, 0.999));
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as T);
      else reject(failureOf(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiFailure("network", networkMessage(), 0));
    xhr.onabort = () => reject(new ApiFailure("cancelled", inPageLanguage({ en: "upload cancelled", zh: "已取消" }), 0));
    xhr.send(form);
  });
}

/** The file name a response names in its Content-Disposition: the UTF-8 `filename*` (RFC 6266) first, else `filename`. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2]!.trim()) : null;
}

/**
 * Downloads a file route's body, reporting the bytes received so far (fetch gives no total for
 * a streamed body), and returns it as a Blob with the file name the server chose. Throws
 * ApiFailure like `apiJson`, with the route's JSON reason when it refuses.
 */
export async function download(url: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiFailure("network", networkMessage(), 0);
  }
  if (!res.ok) throw failureOf(res.status, await res.json().catch(() => null));
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        onProgress(received);
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") throw e;
      throw new ApiFailure("network", networkMessage(), 0);
    }
  }
  const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
  return { blob, fileName: dispositionFileName(res.headers.get("content-disposition")) };
}

/** Hands a Blob to the browser as a download under `fileName`, through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The message to show for anything a call threw. */
export function failureMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return inPageLanguage({ en: "unexpected error", zh: "未知错误" });
}

/** True when the server refused an edit made on a stale version (or a duplicate). */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiFailure && (e.status === 409 || e.code === "conflict");
}
