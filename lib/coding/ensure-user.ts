import type { DbClient } from "../db/codings";
import { upsertUserByName, type UserRow } from "../db/users";
import { parseInput } from "../parse-input";
import { userNameSchema } from "./schemas";

/** The user (coder, memo author) with this name, created on first use; the name is trimmed. */
export async function ensureUser(db: DbClient, name: string): Promise<UserRow> {
  return upsertUserByName(db, parseInput(userNameSchema, name));
}
