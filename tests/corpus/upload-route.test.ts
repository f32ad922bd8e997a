import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "../../app/api/projects/[projectId]/documents/route";
import { createProject } from "../../lib/corpus";
import { getDb } from "../../lib/db/client";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeOdt } from "../text/fixtures";

const MB = 1024 * 1024;

// The route answers in the request's language (app/locale.ts reads it through next/headers,
// which needs Next's request scope): the tests set the Accept-Language that scope would hold.
const request = vi.hoisted(() => ({ acceptLanguage: "en" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ "accept-language": request.acceptLanguage }),
}));

/** A body stream of `chunks` pieces of 256 KiB that records how much was pulled from it. */
function countingBody(chunks: number) {
  const pulled = { bytes: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent++;
      pulled.bytes += 256 * 1024;
      controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

function upload(projectId: string, body: BodyInit, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return POST(req, { params: Promise.resolve({ projectId }) });
}

describe("POST /api/projects/:id/documents (upload size, answer language)", () => {
  let t: TestDb;
  let projectId: string;
  const saved = { url: process.env.DATABASE_URL, max: process.env.JUNCTURE_MAX_FILE_MB };

  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url;
    process.env.JUNCTURE_MAX_FILE_MB = "1";
    projectId = (await createProject(t.db, { name: "P", templates: "none" })).id;
  });
  afterEach(async () => {
    await getDb().$disconnect(); // the route's own client on this test's file
    for (const [k, v] of [["DATABASE_URL", saved.url], ["JUNCTURE_MAX_FILE_MB", saved.max]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await t.close();
  });

  const refusal = {
    error: {
      code: "too_large",
      message: "the upload is over the 1.0 MB limit (JUNCTURE_MAX_FILE_MB)",
    },
  };

  it("refuses a body larger than the limit with 413, and stops reading it early", async () => {
    const { stream, pulled } = countingBody(400); // 100 MB if read to the end
    const res = await upload(projectId, stream);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(refusal);
    // The limit is 1 MB plus 1 MB for the form; the stream may run a chunk or two ahead.
    expect(pulled.bytes).toBeLessThanOrEqual(3 * MB);
    expect(pulled.cancelled).toBe(true);
    expect(await t.db.document.count()).toBe(0);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = countingBody(400);
    const res = await upload(projectId, stream, { "content-length": String(100 * MB) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(refusal);
    expect(pulled.bytes).toBeLessThanOrEqual(256 * 1024);
  });

  it("still imports a file within the limit", async () => {
    const form = new FormData();
    form.set("file", new File([Buffer.from("河北省推进京津冀协同发展。", "utf8")], "河北省_2018_report.txt"));
    const req = new Request(`http://localhost/api/projects/${projectId}/documents`, { method: "POST", body: form });
    const res = await POST(req, { params: Promise.resolve({ projectId }) });
    expect(res.status).toBe(201);
    const { document } = (await res.json()) as { document: { title: string; chars: number } };
    expect(document).toMatchObject({ title: "河北省 2018 report", chars: 13 });
  });

  it("imports an ODT and refuses a .wps that is not a Word file in the request's language, storing nothing", async () => {
    const post = async (acceptLanguage: string, file: File) => {
      request.acceptLanguage = acceptLanguage;
      const form = new FormData();
      form.set("file", file);
      return POST(new Request(`http://localhost/api/projects/${projectId}/documents`, { method: "POST", body: form }), {
        params: Promise.resolve({ projectId }),
      });
    };
    const odt = await post("en", new File([new Uint8Array(makeOdt("<text:p>河北省推进京津冀协同发展。</text:p>", { title: "协同发展" }))], "河北省_2018.odt"));
    expect(odt.status).toBe(201);
    expect(((await odt.json()) as { document: unknown }).document).toMatchObject({ title: "协同发展", chars: 13, encoding: "UTF-8", year: 2018 });
    const wps = await post("zh-CN", new File([new Uint8Array([0xff, 0x57, 0x50, 0x43, ...new Array(600).fill(0x20)])], "旧版.wps"));
    expect(wps.status).toBe(422);
    expect(await wps.json()).toEqual({
      error: { code: "unprocessable", message: "无法读取此 .wps 文件（不是 Word 兼容格式），请在 WPS Office 中打开并另存为 .docx" },
    });
    expect(await t.db.document.count()).toBe(1);
  });

  it("gives the import's warnings in the request's language", async () => {
    const post = async (acceptLanguage: string, text: string) => {
      request.acceptLanguage = acceptLanguage;
      const form = new FormData();
      form.set("file", new File([new Uint8Array(iconv.encode(text, "gb18030"))], `${text}.txt`));
      const res = await POST(new Request(`http://localhost/api/projects/${projectId}/documents`, { method: "POST", body: form }), {
        params: Promise.resolve({ projectId }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { document: { encoding: string; warnings: string[] } }).document;
    };
    // Two different texts: the same bytes twice would be refused as a duplicate.
    expect(await post("zh-CN,zh;q=0.9", "河北省加快交通建设。")).toMatchObject({
      encoding: "GB18030",
      warnings: ["检测到编码 GB18030（置信度 1.00）"],
    });
    expect(await post("en-US,en;q=0.9", "河北省推进生态建设。")).toMatchObject({
      encoding: "GB18030",
      warnings: ["encoding detected as GB18030 (confidence 1.00)"],
    });
  });
});
