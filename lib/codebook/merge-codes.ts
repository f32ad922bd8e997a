import { insertAuditEvents } from "../db/audit";
import { actorOf, codeEvent, codeSnapshot, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import {
  deleteCodesByIds,
  deleteMembershipsOfCodes,
  findCodeById,
  inTransaction,
  insertMemberships,
  listCodeSkeleton,
  listMembershipsOfCodes,
  listSiblings,
  maxSiblingSortOrder,
  setSortOrders,
  updateCodeRow,
  type DbTx,
} from "../db/codes";
import {
  deleteCodingsByIds,
  listCodingSpansOfCodes,
  reassignCodings,
  setCodingComment,
  type CodingSpan,
} from "../db/codings";
import {
  deleteDecisionsByIds,
  listDecisionsOfCodes,
  reassignDecisions,
  setDecision,
} from "../db/suggestion-decisions";
import {
  listMemosLinkingCode,
  reassignCodeMemos,
  reassignCodingMemos,
  setMemoLinks,
} from "../db/memos";
import { AppError } from "../errors";
import { codeNotFound } from "./get-code";
import { mergeKeywords, parseKeywords, serializeKeywords } from "./keywords";
import { describeCode } from "./names";
import { parseInput } from "../parse-input";
import { CODE_TEXT_FIELDS, mergeCodesSchema, type MergeCodesInput } from "./schemas";
import { isSelfOrDescendant, renumber } from "./tree";

export type MergeCodesResult = {
  /** Source codings now carried by the target. */
  movedCodings: number;
  /** Source codings deleted because the target already coded the same passage (same coder). */
  droppedDuplicates: number;
  /** Direct children of the source re-parented under the target. */
  movedChildren: number;
};

/**
 * Identity of a passage for de-duplication. The coder is part of it: two coders who coded the
 * same span are two independent judgements (inter-coder agreement is computed from them), so
 * merging must not fold one coder's coding into another's.
 */
function spanKey(c: CodingSpan): string {
  return `${c.documentId}\u0000${c.start}\u0000${c.end}\u0000${c.coderId}`;
}

/** Rewrites `{codeId: source}` links of free memos to the target, dropping resulting duplicates. */
async function relinkMemos(tx: DbTx, projectId: string, sourceId: string, targetId: string): Promise<void> {
  for (const memo of await listMemosLinkingCode(tx, projectId, sourceId)) {
    let links: unknown;
    try {
      links = JSON.parse(memo.links);
    } catch {
      continue; // not ours to repair
    }
    if (!Array.isArray(links)) continue;
    const seen = new Set<string>();
    const next: unknown[] = [];
    let changed = false;
    for (const link of links) {
      let out = link;
      if (link && typeof link === "object" && (link as { codeId?: unknown }).codeId === sourceId) {
        out = { ...(link as object), codeId: targetId };
        changed = true;
      }
      const key = JSON.stringify(out);
      if (seen.has(key)) continue;
      seen.add(key);
      next.push(out);
    }
    if (changed) await setMemoLinks(tx, memo.id, JSON.stringify(next));
  }
}

/**
 * Merges `sourceId` into `targetId` in one transaction and deletes the source:
 * - codings move to the target, except where the target already has a coding of the same
 *   passage by the same coder: then the source coding is dropped (its memos and comment pass to
 *   the surviving coding), so a passage never carries the target twice for one coder;
 * - the source's children move under the target (after its own children);
 * - code memos, memo links, group memberships and suggestion decisions move (deduplicated; on a
 *   decision clash "accepted" wins, since an accepted suggestion became a coding);
 * - keywords are united; empty texts of the target (labels, definition, criteria, example) are
 *   filled from the source; the target inherits the source's pin if it had none.
 * Refuses merging a code into itself or into one of its own descendants.
 */
export async function mergeCodes(db: Db, input: MergeCodesInput, by: AuditBy = {}): Promise<MergeCodesResult> {
  const { sourceId, targetId } = parseInput(mergeCodesSchema, input);
  return inTransaction(db, async (tx) => {
    const source = await findCodeById(tx, sourceId);
    if (!source) throw codeNotFound(sourceId);
    const target = await findCodeById(tx, targetId);
    if (!target) throw codeNotFound(targetId);
    if (source.projectId !== target.projectId) {
      throw new AppError("invalid_input", { en: "Cannot merge codes of different projects", zh: "不能合并不同项目的编码" }, {
        sourceId,
        targetId,
      });
    }
    if (isSelfOrDescendant(await listCodeSkeleton(tx, source.projectId), source.id, target.id)) {
      throw new AppError(
        "invalid_input",
        { en: `Cannot merge ${describeCode(source)} into its own sub-code ${describeCode(target)}; move the sub-code out first`, zh: `不能将编码 ${describeCode(source)} 合并到其子编码 ${describeCode(target)}，请先移出该子编码` },
        { sourceId, targetId },
      );
    }

    // Codings.
    const spans = await listCodingSpansOfCodes(tx, [source.id, target.id]);
    const targetByKey = new Map<string, CodingSpan>();
    for (const c of spans) if (c.codeId === target.id && !targetByKey.has(spanKey(c))) targetByKey.set(spanKey(c), c);
    const toMove: string[] = [];
    const toDrop: string[] = [];
    for (const c of spans) {
      if (c.codeId !== source.id) continue;
      const kept = targetByKey.get(spanKey(c));
      if (!kept) {
        toMove.push(c.id);
        continue;
      }
      toDrop.push(c.id);
      await reassignCodingMemos(tx, c.id, kept.id);
      const comment = c.comment.trim();
      if (comment !== "" && !kept.comment.includes(comment)) {
        kept.comment = kept.comment.trim() === "" ? comment : `${kept.comment}\n${comment}`;
        await setCodingComment(tx, kept.id, kept.comment);
      }
    }
    const movedCodings = await reassignCodings(tx, toMove, target.id);
    const droppedDuplicates = await deleteCodingsByIds(tx, toDrop);

    // Children, appended after the target's own.
    const children = await listSiblings(tx, source.projectId, source.id);
    const base = ((await maxSiblingSortOrder(tx, source.projectId, target.id)) ?? -1) + 1;
    for (const [i, child] of children.entries()) {
      await updateCodeRow(tx, child.id, { parentId: target.id, sortOrder: base + i });
    }

    // Memos.
    await reassignCodeMemos(tx, source.id, target.id);
    await relinkMemos(tx, source.projectId, source.id, target.id);

    // Group memberships.
    const memberships = await listMembershipsOfCodes(tx, [source.id, target.id]);
    const targetGroups = new Set(memberships.filter((m) => m.codeId === target.id).map((m) => m.groupId));
    await deleteMembershipsOfCodes(tx, [source.id]);
    await insertMemberships(
      tx,
      memberships
        .filter((m) => m.codeId === source.id && !targetGroups.has(m.groupId))
        .map((m) => ({ groupId: m.groupId, codeId: target.id })),
    );

    // Suggestion decisions: unique per (code, unit).
    const decisions = await listDecisionsOfCodes(tx, [source.id, target.id]);
    const targetByUnit = new Map(decisions.filter((d) => d.codeId === target.id).map((d) => [d.unitId, d]));
    const moveDecisions: string[] = [];
    const dropDecisions: string[] = [];
    for (const d of decisions) {
      if (d.codeId !== source.id) continue;
      const kept = targetByUnit.get(d.unitId);
      if (!kept) {
        moveDecisions.push(d.id);
        continue;
      }
      dropDecisions.push(d.id);
      if (d.decision === "accepted" && kept.decision !== "accepted") await setDecision(tx, kept.id, "accepted");
    }
    await deleteDecisionsByIds(tx, dropDecisions);
    await reassignDecisions(tx, moveDecisions, target.id);

    // The source is now bare: nothing points at it, so deleting it cascades nothing.
    await deleteCodesByIds(tx, [source.id]);
    await setSortOrders(tx, renumber(await listSiblings(tx, source.projectId, source.parentId)));

    const fill = (mine: string, theirs: string) => (mine.trim() === "" ? theirs : mine);
    await updateCodeRow(tx, target.id, {
      keywords: serializeKeywords(mergeKeywords(parseKeywords(target.keywords), parseKeywords(source.keywords))),
      ...Object.fromEntries(CODE_TEXT_FIELDS.map((f) => [f, fill(target[f], source[f])])),
      pinned: target.pinned ?? source.pinned,
      version: { increment: 1 },
    });

    const result = { movedCodings, droppedDuplicates, movedChildren: children.length };
    // Two events: the source is gone (merged into the target), the target gained its codings.
    const merged = { into: { id: target.id, shortName: target.shortName }, from: { id: source.id, shortName: source.shortName }, ...result };
    const after = await findCodeById(tx, target.id);
    await insertAuditEvents(tx, [
      codeEvent(actorOf(by), "merged", source, { detail: { before: codeSnapshot(source), after: null, ...merged } }),
      codeEvent(actorOf(by), "changed", after ?? target, { before: target, detail: merged }),
    ]);
    return result;
  });
}
