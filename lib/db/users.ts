/**
 * Query functions for users (coders and memo authors). A user is identified by a unique
 * display name; rules (trimming, non-empty) live in lib/coding/ensure-user.ts.
 */
import { isUniqueViolation, type DbClient } from "./shared";

export type UserRow = { id: string; name: string };


/** Finds or creates the user with this exact name. */
export async function upsertUserByName(db: DbClient, name: string): Promise<UserRow> {
  const select = { id: true, name: true } as const;
  const found = await db.user.findUnique({ where: { name }, select });
  if (found) return found;
  try {
    return await db.user.create({ data: { name }, select });
  } catch (e) {
    // Another writer created the same name between our read and write.
    if (!isUniqueViolation(e)) throw e;
    const again = await db.user.findUnique({ where: { name }, select });
    if (!again) throw e;
    return again;
  }
}
