import { describe, expect, it } from "vitest";
import { can, csrfProblem, hashSessionToken, lastOwnerProblem, LoginThrottle, newSessionToken, PROJECT_ACTIONS } from "../../lib/auth";

describe("roles", () => {
  it("lets an owner do everything, a coder code but not manage, a viewer only read", () => {
    expect(PROJECT_ACTIONS.filter((a) => can("owner", a))).toEqual([...PROJECT_ACTIONS]);
    expect(PROJECT_ACTIONS.filter((a) => can("coder", a))).toEqual(["read", "code", "edit-codebook", "import"]);
    expect(PROJECT_ACTIONS.filter((a) => can("viewer", a))).toEqual(["read"]);
    expect(PROJECT_ACTIONS.filter((a) => can(null, a))).toEqual([]);
  });

  it("keeps at least one owner", () => {
    expect(lastOwnerProblem(["u1"], { userId: "u1", newRole: "coder" })).toBe("a project must keep at least one owner");
    expect(lastOwnerProblem(["u1"], { userId: "u1", newRole: null })).toBe("a project must keep at least one owner");
    expect(lastOwnerProblem(["u1", "u2"], { userId: "u1", newRole: null })).toBeNull();
    expect(lastOwnerProblem(["u1"], { userId: "u2", newRole: null })).toBeNull();
  });
});

describe("session tokens", () => {
  it("are random and stored only as their hash", () => {
    const t = newSessionToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(t);
    expect(hashSessionToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(t)).toBe(hashSessionToken(t));
  });
});

describe("login throttle", () => {
  it("refuses after the failures allowed in the window and lets the key try again once it has passed", () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter("wang")).toBe(0);
      throttle.recordFailure("wang");
      now += 1_000;
    }
    expect(throttle.retryAfter("wang")).toBe(57_000);
    expect(throttle.retryAfter("li")).toBe(0);
    now += 57_000;
    expect(throttle.retryAfter("wang")).toBe(0);
  });

  it("forgets the failures of a key after a successful login", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000, now: () => 5 });
    throttle.recordFailure("wang");
    throttle.recordFailure("wang");
    expect(throttle.retryAfter("wang")).toBe(60_000);
    throttle.recordSuccess("wang");
    expect(throttle.retryAfter("wang")).toBe(0);
  });
});

describe("CSRF rules", () => {
  const base = { serverOrigin: "http://127.0.0.1:3000", origin: null, secFetchSite: null, contentType: "application/json" };

  it("refuses a cross-site text/plain POST, the request an attacker's page can send without a preflight", () => {
    expect(
      csrfProblem({ ...base, method: "POST", origin: "https://evil.example", secFetchSite: "cross-site", contentType: "text/plain" }),
    ).toBe("cross-site request refused (Sec-Fetch-Site: cross-site)");
    expect(csrfProblem({ ...base, method: "POST", origin: "https://evil.example" })).toBe(
      "cross-site request refused (Origin https://evil.example is not http://127.0.0.1:3000)",
    );
  });

  it("requires JSON unless the route accepts another type on purpose", () => {
    expect(csrfProblem({ ...base, method: "POST", contentType: "text/plain;charset=UTF-8" })).toBe(
      "unsupported content type “text/plain”: send application/json",
    );
    expect(
      csrfProblem({ ...base, method: "POST", contentType: "multipart/form-data; boundary=x", allowedContentTypes: ["multipart/form-data"] }),
    ).toBeNull();
  });

  it("lets same-origin mutations, body-less deletes and reads through", () => {
    expect(csrfProblem({ ...base, method: "PATCH", origin: base.serverOrigin, secFetchSite: "same-origin" })).toBeNull();
    expect(csrfProblem({ ...base, method: "DELETE", contentType: null, secFetchSite: "same-origin" })).toBeNull();
    expect(csrfProblem({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBeNull();
  });
});
