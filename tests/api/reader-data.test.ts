import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as codingsRoute } from "../../app/api/documents/[documentId]/reader/codings/route";
import { GET as textRoute } from "../../app/api/documents/[documentId]/text/route";
import { PositionMap } from "../../components/reader/positions";
import { readerCodingsUrl, readerTextUrl, unpackReader, type PackedCodings, type PackedText } from "../../components/reader/wire";
import { createCoding, getReaderData } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/**
 * The reader's two requests: GET /api/documents/{id}/text?v=N (the text, cacheable for good
 * only when N is the document's version) and GET /api/documents/{id}/reader/codings (fresh).
 */
describe("reader data (API)", () => {
  let t: TestDb;
  let documentId: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url; // getDb() opens the route's client on this URL
    const p = await addProject(t.db);
    documentId = (await addDocument(t.db, p.id, ["𠮷野家在上海。推进城际铁路建设。", "第二段落的文字。"])).doc.id;
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const get = (url: string, id = documentId, route = textRoute) =>
    route(new Request(`http://localhost${url}`), { params: Promise.resolve({ documentId: id }) } as never);

  it("answers the text and its units in code points, cacheable for good at the current version", async () => {
    const res = await get(readerTextUrl(documentId, 1));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("vary")).toBe("Cookie");
    const body = (await res.json()) as PackedText;
    const full = await getReaderData(t.db, documentId);
    expect(body.text).toBe(full.text);
    expect(body.paragraphs).toEqual(full.paragraphs);
    // The second paragraph starts after 16 code points and the separator (17 UTF-16 units before it).
    expect(body.paragraphs[1]).toEqual({ ordinal: 1, start: 17, end: 25 });
    expect(new PositionMap(body.text, body.paragraphs).slice(17, 25)).toBe("第二段落的文字。");
    expect(body.sentences).toEqual({
      ids: full.sentences.map((s) => s.id),
      ordinals: full.sentences.map((s) => s.ordinal),
      paragraphs: full.sentences.map((s) => s.paragraph),
      starts: full.sentences.map((s) => s.start),
      ends: full.sentences.map((s) => s.end),
    });
  });

  it("is not cached when the version asked for is not the document's", async () => {
    await t.db.document.update({ where: { id: documentId }, data: { version: 2 } });
    const stale = await get(readerTextUrl(documentId, 1));
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toBe("private, no-cache");
    const bare = await get(`/api/documents/${documentId}/text`);
    expect(bare.headers.get("cache-control")).toBe("private, no-cache");
    expect(((await get(readerTextUrl(documentId, 2))).headers.get("cache-control"))).toBe("private, max-age=31536000, immutable");
  });

  it("refuses an unknown document with the reason", async () => {
    const res = await get(readerTextUrl("nope", 1), "nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "not_found",
      message: "document nope not found",
    });
  });

  it("answers the codings packed with their own codes, never to be stored; with the text they unpack to the reader's data", async () => {
    const projectId = (await t.db.document.findUniqueOrThrow({ where: { id: documentId } })).projectId;
    const code = await addCode(t.db, projectId, "CON-1");
    // After 𠮷 (one code point, two UTF-16 units): code points 3–6 are 在上海; the second paragraph starts at 17.
    await createCoding(t.db, { documentId, codeId: code.id, start: 3, end: 6, coder: "a", comment: "注" });
    await createCoding(t.db, { documentId, codeId: code.id, start: 17, end: 21, coder: "b" });
    const res = await get(readerCodingsUrl(documentId), documentId, codingsRoute);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const packed = (await res.json()) as PackedCodings;
    expect(packed.extraCodes).toEqual([{ id: code.id, shortName: "CON-1", labelZh: code.labelZh, labelEn: code.labelEn, color: code.color }]);
    const text = (await (await get(readerTextUrl(documentId, 1))).json()) as PackedText;
    const { payload } = unpackReader({ ...text, ...packed }, []);
    const full = await getReaderData(t.db, documentId);
    expect(payload.codings.map((c) => ({ ...c }))).toEqual(
      full.codings.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() })),
    );
    expect(payload.codings.map((c) => c.quote)).toEqual(["在上海", "第二段落"]);
    expect(payload.codeCounts).toEqual(full.codeCounts);
  });
});
