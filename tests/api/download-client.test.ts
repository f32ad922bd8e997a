/** The browser client's file download (components/api/client.ts): progress, file name, refusals. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiFailure, dispositionFileName, download } from "../../components/api/client";

const enc = new TextEncoder();

function streamed(parts: string[], headers: Record<string, string>, status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(enc.encode(p));
      c.close();
    },
  });
  return new Response(body, { status, headers });
}

describe("download", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads the UTF-8 file name first, then the ASCII fallback", () => {
    expect(dispositionFileName(`attachment; filename="___ exchange.qdpx"; filename*=UTF-8''${encodeURIComponent("京津冀 exchange.qdpx")}`)).toBe("京津冀 exchange.qdpx");
    expect(dispositionFileName('attachment; filename="plain.csv"')).toBe("plain.csv");
    expect(dispositionFileName("attachment; filename*=UTF-8''bad%E4.csv; filename=\"fallback.csv\"")).toBe("fallback.csv");
    expect(dispositionFileName(null)).toBeNull();
  });

  it("reports the bytes received after each chunk and returns the whole body with the server's name and type", async () => {
    const fetchMock = vi.fn(async () => streamed(["第一块", "abc", "𠮷"], { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent("项目.codings.csv")}` }));
    vi.stubGlobal("fetch", fetchMock);
    const seen: number[] = [];
    const { blob, fileName } = await download("/api/projects/p/export?format=csv", (n) => seen.push(n));
    expect(fetchMock).toHaveBeenCalledWith("/api/projects/p/export?format=csv", { cache: "no-store", signal: undefined });
    expect(seen).toEqual([9, 12, 16]);
    expect(fileName).toBe("项目.codings.csv");
    expect(blob.type).toBe("text/csv; charset=utf-8");
    expect(await blob.text()).toBe("第一块abc𠮷");
  });

  it("throws the route's reason as an ApiFailure when the export is refused", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ error: { code: "invalid_input", message: "the codebook is empty: nothing to export as .qdc" } }, { status: 400 }),
    );
    const seen: number[] = [];
    const err = await download("/x", (n) => seen.push(n)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect([(err as ApiFailure).status, (err as ApiFailure).code, (err as ApiFailure).message]).toEqual([400, "invalid_input", "the codebook is empty: nothing to export as .qdc"]);
    expect(seen).toEqual([]);
  });
});
