import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoding, listDocumentCodings, blindCoderOn } from "../../lib/coding";
import { addCode, addDocument, addProject, cpIndexOf } from "../coding/fixtures";
import { createTestDb, type TestDb } from "../helpers/db";
import { runCli } from "./cli";

/** `juncture rounds open|list|close` end to end: the round hides one coder's codings from the other until closed. */
describe("juncture rounds", () => {
  let t: TestDb;
  let doc: Awaited<ReturnType<typeof addDocument>>;
  beforeAll(async () => {
    t = await createTestDb();
    const projectId = (await addProject(t.db, "盲编")).id;
    const codeId = (await addCode(t.db, projectId, "CON-1")).id;
    doc = await addDocument(t.db, projectId, ["推进城际铁路建设。加快协同发展！"], { title: "报告 2020" });
    for (const [needle, coder] of [["城际铁路", "甲"], ["协同发展", "乙"]] as const) {
      const start = cpIndexOf(doc.text, needle);
      await createCoding(t.db, { documentId: doc.doc.id, codeId, start, end: start + needle.length, coder });
    }
  });
  afterAll(async () => t.close());

  const visibleTo = async (name: string) =>
    (await listDocumentCodings(t.db, doc.doc.id, await blindCoderOn(t.db, doc.doc.id, name))).map((c) => c.coder).sort();

  it("opens a round by document title, lists it, and closes it by name", async () => {
    const opened = await runCli(["rounds", "open", "--project", "盲编", "--documents", "报告 2020", "--coders", "甲,乙", "--name", "第一轮", "--json"], t.url);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout).round).toMatchObject({ name: "第一轮", status: "open", documents: [{ title: "报告 2020" }] });
    expect(await visibleTo("甲")).toEqual(["甲"]);
    expect(await visibleTo("乙")).toEqual(["乙"]);

    const listed = await runCli(["rounds", "list", "--project", "盲编", "--lang", "en"], t.url);
    const coders = ["乙", "甲"].sort((a, b) => a.localeCompare(b)).join(", ");
    expect(listed.stdout.trim()).toBe(`● 第一轮 [open] — 1 documents; coders: ${coders}`);

    const closed = await runCli(["rounds", "close", "第一轮", "--project", "盲编", "--lang", "zh"], t.url);
    expect(closed.stdout.trim()).toBe("已关闭轮次“第一轮”：其文档中的全部编码重新可见");
    expect(await visibleTo("甲")).toEqual(["乙", "甲"].sort());
  });

  it("refuses an unknown document with its reason and exit code 2", async () => {
    const r = await runCli(["rounds", "open", "--project", "盲编", "--documents", "没有这篇", "--coders", "甲,乙", "--lang", "en"], t.url);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no document with this id or title: 没有这篇");
  });
});
