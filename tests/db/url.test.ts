import { describe, expect, it } from "vitest";
import { isPostgresUrl, sqliteFileOf, sqliteUrlOf } from "../../lib/db/url";

describe("database URLs (one place for file: handling)", () => {
  it("reads the SQLite file of every file: spelling", () => {
    expect(sqliteFileOf("file:./data/dev.db")).toBe("./data/dev.db");
    expect(sqliteFileOf("file:/tmp/x/test.db")).toBe("/tmp/x/test.db");
    expect(sqliteFileOf("file:///tmp/x/test.db")).toBe("/tmp/x/test.db");
    expect(sqliteFileOf("file:/tmp/x/test.db?connection_limit=1")).toBe("/tmp/x/test.db");
    expect(sqliteFileOf(sqliteUrlOf("/tmp/数据/测试.db"))).toBe("/tmp/数据/测试.db");
  });

  it("tells PostgreSQL URLs apart", () => {
    expect(isPostgresUrl("postgresql://u@h/db")).toBe(true);
    expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
    expect(isPostgresUrl("file:./x.db")).toBe(false);
  });
});
