import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCoding, ensureUser } from "../../lib/coding";
import { normalizeCoderName } from "../../lib/coding/coder-name";
import { runCli } from "../cli/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { addCode, addDocument, addProject, appError } from "./fixtures";

describe("coder names: one rule for the web cookie, the API and the CLI", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it("normalises whitespace and refuses empty, over-long and control-character names", () => {
    expect(normalizeCoderName(" 王 ")).toBe("王");
    expect(normalizeCoderName("王\u3000 小明")).toBe("王 小明");
    expect(normalizeCoderName("   ")).toBeNull();
    expect(normalizeCoderName("𠮷".repeat(50))).toBe("𠮷".repeat(50)); // 50 code points, 100 UTF-16 units
    expect(normalizeCoderName("a".repeat(51))).toBeNull();
    expect(normalizeCoderName("a\tb")).toBe("a b"); // a tab is whitespace, collapsed before the control check
    expect(normalizeCoderName("a\u0007b")).toBeNull();
  });

  it("resolves the CLI spelling “ 王 ” and the web's “王” to one user", async () => {
    const projectId = (await addProject(t.db)).id;
    const codeId = (await addCode(t.db, projectId, "CON-1")).id;
    const doc = await addDocument(t.db, projectId, ["推进城际铁路建设。"]);
    // The CLI passes --coder as typed; the web passes the cookie through normalizeCoderName (app/coder.ts).
    const fromCli = await createCoding(t.db, { documentId: doc.doc.id, codeId, start: 2, end: 6, coder: " 王 " });
    const fromWeb = await ensureUser(t.db, normalizeCoderName("王")!);
    expect(fromCli.coderId).toBe(fromWeb.id);
    expect(await t.db.user.findMany({ select: { name: true } })).toEqual([{ name: "王" }]);
    const tooLong = await appError(ensureUser(t.db, "a".repeat(51)));
    expect(tooLong.message).toBe("a user name has at most 50 characters / 用户名最多 50 个字符");
  });

  it("the real CLI's --coder \" 王 \" and the web cookie's 王 are one user", async () => {
    const projectId = (await addProject(t.db, "cli")).id;
    await addCode(t.db, projectId, "CON-1");
    const doc = await addDocument(t.db, projectId, ["推进城际铁路建设。"]);
    const r = await runCli(
      ["code", "--project", "cli", "--document", doc.doc.id, "--code", "CON-1", "--start", "2", "--end", "6", "--coder", " 王 ", "--json"],
      t.url,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const coderId = (JSON.parse(r.stdout) as { coderId: string }).coderId;
    expect((await ensureUser(t.db, normalizeCoderName("王")!)).id).toBe(coderId);
    expect(await t.db.user.count()).toBe(1);
  });
});
