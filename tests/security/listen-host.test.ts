import { describe, expect, it } from "vitest";
import { isServerMode, listenHost, requestedHostOf } from "../../lib/server/listen-host.mjs";

describe("where npm start listens", () => {
  it("binds the embedded default to 127.0.0.1 when nothing is asked", () => {
    expect(listenHost({})).toEqual({ ok: true, host: "127.0.0.1" });
    expect(listenHost({ requestedHost: "  " })).toEqual({ ok: true, host: "127.0.0.1" });
  });

  it("lets the embedded default choose another loopback name", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]) {
      expect(listenHost({ requestedHost: h })).toEqual({ ok: true, host: h });
    }
  });

  it("refuses any other address on the embedded default, with the reason in both languages", () => {
    for (const h of ["0.0.0.0", "::", "192.168.1.5", "example.org", "127.0.0.1.example.org"]) {
      const r = listenHost({ requestedHost: h, databaseUrl: "file:./data/juncture.db" });
      expect(r.ok, h).toBe(false);
      if (!r.ok) {
        expect(r.reason.en).toContain(`refusing to listen on ${h}`);
        expect(r.reason.en).toContain("JUNCTURE_MODE=server");
        expect(r.reason.zh).toContain("127.0.0.1");
      }
    }
  });

  it("lets a team server (JUNCTURE_MODE=server or PostgreSQL) listen anywhere", () => {
    expect(listenHost({ requestedHost: "0.0.0.0", mode: "server" })).toEqual({ ok: true, host: "0.0.0.0" });
    expect(listenHost({ requestedHost: "0.0.0.0", databaseUrl: "postgresql://u:p@db/j" })).toEqual({ ok: true, host: "0.0.0.0" });
    expect(listenHost({ requestedHost: "::", databaseUrl: "postgres://u:p@db/j" })).toEqual({ ok: true, host: "::" });
    // A team server still defaults to loopback (behind a reverse proxy).
    expect(listenHost({ mode: "server" })).toEqual({ ok: true, host: "127.0.0.1" });
    expect(isServerMode({ mode: "embedded", databaseUrl: "file:x.db" })).toBe(false);
  });

  it("reads the host from -H / --hostname before HOST", () => {
    expect(requestedHostOf(["-H", "0.0.0.0"], "localhost")).toBe("0.0.0.0");
    expect(requestedHostOf(["--hostname", "::"], undefined)).toBe("::");
    expect(requestedHostOf(["--hostname=10.0.0.1"], undefined)).toBe("10.0.0.1");
    expect(requestedHostOf([], "0.0.0.0")).toBe("0.0.0.0");
    expect(requestedHostOf([], undefined)).toBeNull();
  });
});
