import type { Db } from "../db/client";
import {
  findCodingForUpdate,
  findCodingView,
  findIdenticalCoding,
  inTransaction,
  updateCodingIfVersion,
  type CodingPatchRow,
  type CodingView,
} from "../db/codings";
import { auditEventInsert } from "../db/audit";
import { codingChanged, codingSnapshot } from "../audit/events";
import { AppError } from "../errors";
import { OffsetMap } from "../text/offsets";
import { duplicateCodingError, loadCodeOfProject } from "./load-coding-targets";
import { parseInput } from "../parse-input";
import { codingPatchSchema, type CodingPatch } from "./schemas";
import { assertExpectedQuote, validateSpan } from "./validate-span";

/** Who asks for a change: a coder may change only their own codings, an owner anyone's. */
export type CodingEditor = { name: string; mayEditOthers: boolean };

export function assertMayChangeCoding(coderOfCoding: string, by: CodingEditor | undefined): void {
  if (by && !by.mayEditOthers && by.name !== coderOfCoding) {
    throw new AppError("forbidden", {
      en: `this coding is ${coderOfCoding}'s: only its coder or a project owner can change or delete it`,
      zh: `该编码属于 ${coderOfCoding}：只有其编码者或项目负责人可以修改或删除`,
    });
  }
}

export function staleCodingError(codingId: string): AppError {
  return new AppError(
    "conflict",
    { en: "this coding was changed by someone else since you loaded it; reload the document and try again", zh: "该编码已被他人修改，请刷新后重试" },
    { codingId },
  );
}

/**
 * Re-codes, resizes or comments a coding seen at `version`. A resize is validated
 * like a new coding and recomputes quote, prefix and suffix. A stale version is refused,
 * never overwritten. Returns the coding at its new version.
 */
export async function updateCoding(
  db: Db,
  opts: {
    id: string;
    /** The version the client saw. */
    version: number;
    patch: CodingPatch;
    /** The text the client believes is at the (new) span; refused when it differs. */
    expectQuote?: string;
    /** Who asks (web): refused unless it is the coding's coder or may edit others'. */
    by?: CodingEditor;
    /** Who the audit log names when `by` is not given (the CLI's user); else the coding's coder. */
    actor?: string;
  },
): Promise<CodingView> {
  const { id: codingId, version: expectedVersion } = opts;
  const p = parseInput(codingPatchSchema, opts.patch);
  return inTransaction(db, async (tx) => {
    const row = await findCodingForUpdate(tx, codingId);
    if (!row) throw new AppError("not_found", { en: `coding ${codingId} not found (deleted?)`, zh: "未找到该编码（可能已被删除）" });
    assertMayChangeCoding(row.coder.name, opts.by);
    if (row.version !== expectedVersion) throw staleCodingError(codingId);

    const data: CodingPatchRow = {};
    const start = p.start ?? row.start;
    const end = p.end ?? row.end;
    const codeId = p.codeId ?? row.codeId;
    const code = await loadCodeOfProject(tx, codeId, row.projectId);
    if (start !== row.start || end !== row.end || opts.expectQuote !== undefined) {
      const selector = validateSpan(new OffsetMap(row.document.plainText), start, end);
      assertExpectedQuote(selector.quote, opts.expectQuote);
      Object.assign(data, { start, end }, selector);
    }
    if (codeId !== row.codeId) data.codeId = codeId;
    if (p.comment !== undefined) data.comment = p.comment;
    if (data.start !== undefined || data.codeId !== undefined) {
      const same = await findIdenticalCoding(
        tx,
        { documentId: row.documentId, codeId, start, end, coderId: row.coderId },
        row.id,
      );
      if (same) throw duplicateCodingError(code.shortName, same.id);
    }
    const changed = await updateCodingIfVersion(tx, codingId, expectedVersion, data);
    if (changed === 0) throw staleCodingError(codingId);
    const view = (await findCodingView(tx, codingId))!;
    const before = codingSnapshot({ ...row, shortName: row.code.shortName, coder: row.coder.name });
    await auditEventInsert(tx, codingChanged(opts.by?.name ?? opts.actor ?? row.coder.name, view, before, codingSnapshot(view)));
    return view;
  });
}
