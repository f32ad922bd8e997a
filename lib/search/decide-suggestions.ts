import type { Db } from "../db/client";
import { findCodeBrief, inTransaction, type CodingView } from "../db/codings";
import { upsertSuggestionDecisions } from "../db/search";
import { AppError } from "../errors";
import { codeWholeUnits, loadUnitsOfProject } from "../coding/code-whole-units";
import { ensureUser } from "../coding/ensure-user";
import { parseInput } from "../parse-input";
import { decideSuggestionsSchema, type DecideSuggestionsInput } from "./schemas";

export type DecideSuggestionsResult = {
  /** Codings created for accepted sentences (whole sentence, with the coder). */
  created: CodingView[];
  /** Accepted sentences this coder had already coded with the code on exactly that span. */
  skipped: string[];
  accepted: number;
  rejected: number;
};

/**
 * Applies a researcher's verdicts on keyword suggestions in one transaction: each accepted
 * sentence is coded whole with the code (coder recorded) and remembered as "accepted";
 * each rejected one is remembered as "rejected" and not suggested again for this code.
 */
export async function decideSuggestions(db: Db, input: DecideSuggestionsInput): Promise<DecideSuggestionsResult> {
  const d = parseInput(decideSuggestionsSchema, input);
  const accept = [...new Set(d.accept)];
  const reject = [...new Set(d.reject)];
  return inTransaction(db, async (tx) => {
    const code = await findCodeBrief(tx, d.codeId);
    if (!code) throw new AppError("not_found", { en: `code ${d.codeId} not found`, zh: "未找到该代码" });
    if (code.projectId !== d.projectId) {
      throw new AppError("invalid_input", { en: "the code belongs to another project", zh: "该代码属于其他项目" });
    }
    const coder = await ensureUser(tx, d.coder);
    const acceptedUnits = await loadUnitsOfProject(tx, accept, d.projectId);
    await loadUnitsOfProject(tx, reject, d.projectId);
    const { created, skipped } = await codeWholeUnits(tx, acceptedUnits, code, coder);
    await upsertSuggestionDecisions(tx, [
      ...accept.map((unitId) => ({ projectId: d.projectId, codeId: code.id, unitId, decision: "accepted" as const, coder: coder.name })),
      ...reject.map((unitId) => ({ projectId: d.projectId, codeId: code.id, unitId, decision: "rejected" as const, coder: coder.name })),
    ]);
    return { created, skipped, accepted: accept.length, rejected: reject.length };
  });
}
