import { inPageLanguage } from "@/components/shell/page-locale";
import { apiErrorOf } from "@/components/shell/ui";

/**
 * The client side of our JSON routes: one call shape, and failures thrown as `ApiFailure`
 * carrying the server's `{ error: { code, message } }` so that a form can show the
 * user-facing reason and branch on the code (409 → "changed by someone else").
 */
export class ApiFailure extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init?.method ?? (init?.body !== undefined ? "POST" : "GET"),
      headers: init?.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init?.signal,
      cache: "no-store",
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiFailure("network", inPageLanguage({ en: "network error: the server did not answer", zh: "网络错误：服务器无响应" }), 0);
  }
  if (!res.ok) {
    const { code, message } = await apiErrorOf(res);
    throw new ApiFailure(code, message, res.status);
  }
  return (await res.json()) as T;
}

/** The message to show for anything a call threw. */
export function failureMessage(e: unknown): string {
  if (e instanceof ApiFailure) return e.message;
  if (e instanceof Error) return e.message;
  return inPageLanguage({ en: "unexpected error", zh: "未知错误" });
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiFailure && (e.status === 409 || e.code === "conflict");
}
