import type { Db } from "../db/client";
import { findCodeByExactShortName, findCodeById, listCodeSkeleton } from "../db/codes";
import { toCodeRecord } from "./code-fields";
import { shortNameKey } from "./names";
import type { CodeRecord } from "./types";

/**
 * A code by short name: the exact spelling first, then ignoring case and width (what a CLI
 * user or a full-width IME types). Null when the project has no such code.
 */
export async function findCodeByShortName(db: Db, projectId: string, shortName: string): Promise<CodeRecord | null> {
  const wanted = shortName.normalize("NFKC").trim();
  if (wanted === "") return null;
  const exact = await findCodeByExactShortName(db, projectId, wanted);
  if (exact) return toCodeRecord(exact);
  const key = shortNameKey(wanted);
  const match = (await listCodeSkeleton(db, projectId)).find((c) => shortNameKey(c.shortName) === key);
  if (!match) return null;
  const row = await findCodeById(db, match.id);
  return row ? toCodeRecord(row) : null;
}
