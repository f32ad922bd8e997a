import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteCodingRoute } from "../../app/api/codings/[codingId]/route";
import { DELETE as deleteMemoRoute } from "../../app/api/memos/[memoId]/route";
import { createCoding, createMemo, updateCoding, updateMemo } from "../../lib/coding";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject } from "../coding/fixtures";

/** DELETE /api/codings/{id}?version=N and /api/memos/{id}?version=N, called as Next.js would. */
describe("versioned deletes (API)", () => {
  let t: TestDb;
  let codingId: string;
  let memoId: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeEach(async () => {
    t = await createTestDb();
    process.env.DATABASE_URL = t.url; // getDb() opens the route's client on this URL
    const p = await addProject(t.db);
    const code = await addCode(t.db, p.id, "CON-1");
    const doc = await addDocument(t.db, p.id, ["推进城际铁路建设。"]);
    codingId = (await createCoding(t.db, { documentId: doc.doc.id, codeId: code.id, start: 2, end: 6, coder: "a" })).id;
    memoId = (await createMemo(t.db, { projectId: p.id, kind: "project", author: "王", body: "v1" })).id;
  });
  afterEach(async () => {
    process.env.DATABASE_URL = savedUrl;
    await t.close();
  });

  const call = (route: (req: Request, ctx: never) => Promise<Response>, url: string, id: string, key: "codingId" | "memoId") =>
    route(new Request(`http://localhost${url}`, { method: "DELETE" }), {
      params: Promise.resolve({ [key]: id }),
    } as never);

  it("refuses a coding delete without a version (400) and a stale one (409); nothing is deleted", async () => {
    const missing = await call(deleteCodingRoute, `/api/codings/${codingId}`, codingId, "codingId");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: {
        code: "invalid_input",
        message: "version: version is required: send the version you saw as ?version=N",
      },
    });
    await updateCoding(t.db, { id: codingId, version: 1, patch: { comment: "edited elsewhere" } });
    const stale = await call(deleteCodingRoute, `/api/codings/${codingId}?version=1`, codingId, "codingId");
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "conflict",
      message:
        "this coding was changed by someone else since you loaded it; reload the document and try again",
    });
    expect(await t.db.coding.count()).toBe(1);
    const done = await call(deleteCodingRoute, `/api/codings/${codingId}?version=2`, codingId, "codingId");
    expect(done.status).toBe(200);
    expect(((await done.json()) as { deleted: { id: string; comment: string } }).deleted).toMatchObject({
      id: codingId,
      comment: "edited elsewhere",
    });
    expect(await t.db.coding.count()).toBe(0);
  });

  it("refuses a memo delete without a version (400), with a malformed one (400) and a stale one (409)", async () => {
    const missing = await call(deleteMemoRoute, `/api/memos/${memoId}`, memoId, "memoId");
    expect(missing.status).toBe(400);
    const malformed = await call(deleteMemoRoute, `/api/memos/${memoId}?version=abc`, memoId, "memoId");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toBe(
      "version: version must be a whole number of 1 or more",
    );
    await updateMemo(t.db, { id: memoId, version: 1, patch: { body: "v2" } });
    const stale = await call(deleteMemoRoute, `/api/memos/${memoId}?version=1`, memoId, "memoId");
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect(await t.db.memo.count()).toBe(1);
    const done = await call(deleteMemoRoute, `/api/memos/${memoId}?version=2`, memoId, "memoId");
    expect(done.status).toBe(200);
    expect(await t.db.memo.count()).toBe(0);
  });
});
