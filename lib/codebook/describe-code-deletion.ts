import type { Db } from "../db/client";
import { findCodeById, listCodeSkeleton } from "../db/codes";
import { countCodingsOfCodes } from "../db/codings";
import { countMemosOfCodes } from "../db/memos";
import { codeNotFound } from "./get-code";
import { descendantIds } from "./tree";

export type CodeDeletionImpact = {
  /** Codings applied with the code itself. */
  codings: number;
  /** Sub-codes at any depth. */
  descendants: number;
  /** Codings applied with any of those sub-codes. */
  descendantCodings: number;
  /** Memos attached to these codes or their codings (they go too). */
  memos: number;
};

/** What deleting a code would take with it — shown to the researcher before asking to confirm. */
export async function describeCodeDeletion(db: Db, codeId: string): Promise<CodeDeletionImpact> {
  const code = await findCodeById(db, codeId);
  if (!code) throw codeNotFound(codeId);
  const below = descendantIds(await listCodeSkeleton(db, code.projectId), code.id);
  const [codings, descendantCodings, memos] = await Promise.all([
    countCodingsOfCodes(db, [code.id]),
    countCodingsOfCodes(db, below),
    countMemosOfCodes(db, [code.id, ...below]),
  ]);
  return { codings, descendants: below.length, descendantCodings, memos };
}
