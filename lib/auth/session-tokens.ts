import { createHash, randomBytes } from "node:crypto";

/**
 * Session tokens: 256 random bits sent to the browser in an httpOnly cookie; the database
 * keeps only their SHA-256, so a copy of the database does not hand out live sessions.
 */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Sessions last two weeks from their last use. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
