import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDocumentTexts, selectTextSpans } from "../../lib/db/documents";
import { createTestDb, type TestDb } from "../helpers/db";
import { addDocument, addProject } from "../coding/fixtures";

describe("reading a document's text", () => {
  let t: TestDb;
  let documentId: string;
  beforeEach(async () => {
    t = await createTestDb();
    const projectId = (await addProject(t.db)).id;
    documentId = (await addDocument(t.db, projectId, ["𠮷推进城际铁路建设。", "加快京津冀协同发展。"], { title: "河北" })).doc.id;
  });
  afterEach(async () => t.close());

  it("cuts spans in SQL by code point, clipped to maxLength, in input order; missing documents drop out", async () => {
    const rows = await selectTextSpans(t.db, {
      spans: [
        { documentId, start: 3, end: 7 },
        { documentId: "gone", start: 0, end: 2 },
        { documentId, start: 0, end: 21 },
      ],
      maxLength: 5,
    });
    expect(rows.map((r) => [r.start, r.end, r.text, r.title, r.charCount])).toEqual([
      [3, 7, "城际铁路", "河北", 21],
      [0, 21, "𠮷推进城际", "河北", 21],
    ]);
  });

  it("reads more spans than SQLite allows in one compound SELECT (500)", async () => {
    const spans = Array.from({ length: 650 }, (_, i) => ({ documentId, start: i % 20, end: (i % 20) + 1 }));
    const rows = await selectTextSpans(t.db, { spans, maxLength: 10 });
    expect(rows).toHaveLength(650);
    expect(rows[649]!.text).toBe(Array.from("𠮷推进城际铁路建设。\n加快京津冀协同发展。")[649 % 20]);
  });

  it("reads whole texts of several documents at once", async () => {
    expect((await findDocumentTexts(t.db, [documentId, "gone"])).map((d) => d.plainText)).toEqual([
      "𠮷推进城际铁路建设。\n加快京津冀协同发展。",
    ]);
    expect(await findDocumentTexts(t.db, [])).toEqual([]);
  });
});
