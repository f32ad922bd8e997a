import type { Db } from "../db/client";
import { findCodeBrief, inTransaction, type CodingView } from "../db/codings";
import { AppError } from "../errors";
import { codeWholeUnits, loadUnitsOfProject } from "./code-whole-units";
import { ensureUser } from "./ensure-user";
import { parseInput } from "../parse-input";
import { codeUnitsSchema, type CodeUnitsInput } from "./schemas";

export type CodeUnitsResult = {
  /** The new codings, in the order of the unit ids given. */
  created: CodingView[];
  /** Unit ids this coder had already coded with this code on exactly the unit's span. */
  skipped: string[];
};

/** Codes whole sentence units with one code in one transaction (all or nothing). */
export async function codeUnits(db: Db, input: CodeUnitsInput): Promise<CodeUnitsResult> {
  const data = parseInput(codeUnitsSchema, input);
  return inTransaction(db, async (tx) => {
    const code = await findCodeBrief(tx, data.codeId);
    if (!code) throw new AppError("not_found", { en: `code ${data.codeId} not found`, zh: "未找到该代码" });
    const units = await loadUnitsOfProject(tx, data.unitIds, code.projectId);
    const coder = await ensureUser(tx, data.coder);
    return codeWholeUnits(tx, units, code, coder);
  });
}
