import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "../../lib/auth";

describe("password hashing", () => {
  it("verifies the password it hashed and refuses another, with a fresh salt each time", async () => {
    const a = await hashPassword("协同发展-2026-secret");
    const b = await hashPassword("协同发展-2026-secret");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("协同发展-2026-secret", a)).toBe(true);
    expect(await verifyPassword("协同发展-2026-secreT", a)).toBe(false);
  });

  it("treats composed and decomposed spellings of the same text as the same password", async () => {
    const stored = await hashPassword("Caf\u00e9-password");
    expect(await verifyPassword("Cafe\u0301-password", stored)).toBe(true);
  });

  it("verifies hashes made with other cost parameters, and rejects malformed ones", async () => {
    const stored = await hashPassword("long enough password");
    const [, , , , salt, hash] = stored.split("$");
    expect(await verifyPassword("long enough password", `scrypt$abc$8$1$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword("long enough password", "plain-text")).toBe(false);
    expect(await verifyPassword("long enough password", `scrypt$32768$8$1$${salt}$`)).toBe(false);
  });

  it("says why a password is too short or too long, counting characters not bytes", () => {
    expect(passwordProblem("短密码")).toBe("a password needs at least 10 characters");
    expect(passwordProblem("𠮷".repeat(10))).toBeNull();
    expect(passwordProblem("x".repeat(201))).toBe("a password may have at most 200 characters");
  });
});
