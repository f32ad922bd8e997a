import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyLogin } from "../../lib/auth/accounts";
import { LoginThrottle } from "../../lib/auth/login-throttle";
import { createTestDb, type TestDb } from "../helpers/db";
import { addProject } from "../coding/fixtures";

const BIN = path.resolve(__dirname, "..", "..", "bin", "juncture.mjs");

/** Runs `juncture …` with `input` on standard input (how a script passes a password). */
function cli(args: string[], url: string, input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, "--lang", "en"], { env: { ...process.env, DATABASE_URL: url } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("juncture users / members", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.close();
  });

  it("creates the first owner, lists users, sets a password, and manages members with the last-owner rule", async () => {
    const add = await cli(["users", "add", "admin", "--admin"], t.url, "first owner pw\n");
    expect(add.stderr).toBe("");
    expect(add.stdout).toBe("✓ user admin (administrator) created\n");
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 60_000 });
    expect(await verifyLogin(t.db, { name: "admin", password: "first owner pw" }, throttle)).toMatchObject({ isAdmin: true });

    expect((await cli(["users", "add", "li"], t.url, "short\n")).stderr).toContain("at least 10 characters");
    expect((await cli(["users", "add", "li"], t.url, "")).stderr).toContain("no password given");
    expect((await cli(["users", "add", "li"], t.url, "li password 1\n")).code).toBe(0);
    const list = JSON.parse((await cli(["users", "list", "--json"], t.url)).stdout);
    expect(list.users.map((u: { name: string; isAdmin: boolean }) => [u.name, u.isAdmin])).toEqual([
      ["admin", true],
      ["li", false],
    ]);
    expect((await cli(["users", "passwd", "li"], t.url, "li password 2\n")).stdout).toContain("password of li set");
    expect(await verifyLogin(t.db, { name: "li", password: "li password 2" }, throttle)).toMatchObject({ name: "li" });

    await addProject(t.db, "京津冀");
    expect((await cli(["members", "add", "--project", "京津冀", "--user", "li", "--role", "owner"], t.url)).stdout).toBe(
      "✓ li is owner of 京津冀\n",
    );
    expect((await cli(["members", "add", "--project", "京津冀", "--user", "admin", "--role", "viewer"], t.url)).code).toBe(0);
    const refused = await cli(["members", "remove", "--project", "京津冀", "--user", "li"], t.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("juncture: a project must keep at least one owner\n");
    expect((await cli(["members", "list", "--project", "京津冀"], t.url)).stdout).toBe("admin  viewer\nli  owner\n");
    expect((await cli(["members", "remove", "--project", "京津冀", "--user", "admin"], t.url)).stdout).toBe("✓ admin removed from 京津冀\n");
  });
});
