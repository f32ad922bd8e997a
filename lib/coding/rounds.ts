/**
 * Blind coding rounds. An owner opens a round for chosen documents and coders; while it is
 * open each of those coders sees only their own codings on those documents, everywhere
 * codings are read (reader, live updates, search filters, suggestions, counts, analyses,
 * exports, agreement). Closing the round reveals all. Who is blind is decided here, once.
 */
import { z } from "zod";
import type { Db } from "../db/client";
import {
  closeOpenRound,
  insertRound,
  selectBlindCoderOnDocument,
  selectBlindDocumentIds,
  selectProjectDocumentIds,
  selectRound,
  selectRounds,
  type BlindScope,
  type RoundRow,
} from "../db/rounds";
import { inTransaction, type DbClient } from "../db/shared";
import { findAccountByName, selectMembers } from "../db/accounts";
import { AppError } from "../errors";
import { zodText } from "../i18n/text";
import { parseInput } from "../parse-input";
import { userNameSchema } from "./user-name-schema";

export type { BlindScope, RoundRow };
export { visibleCodingWhere, visibleCodingSql } from "../db/rounds";

export const openRoundSchema = z.object({
  name: z
    .string({ error: zodText("a round needs a name", "缺少轮次名称") })
    .trim()
    .min(1, zodText("a round needs a name", "轮次名称不能为空"))
    .max(200, zodText("a round name has at most 200 characters", "轮次名称最多 200 个字符")),
  documentIds: z
    .array(z.string().trim().min(1), { error: zodText("choose the round's documents", "请选择本轮的文档") })
    .min(1, zodText("choose at least one document", "至少选择一个文档")),
  coders: z
    .array(userNameSchema, { error: zodText("choose the round's coders", "请选择本轮的编码者") })
    .min(2, zodText("a blind round needs at least two coders", "盲编轮次至少需要两位编码者")),
});
export type OpenRoundInput = z.input<typeof openRoundSchema>;

/**
 * Opens a round. Every document must belong to the project and every coder must be an
 * existing user; a refusal names the ones that are not. With `coderRole` (the web page, where
 * coders are chosen among members) each coder must also be a member with the coder role; the
 * CLI, run by whoever administers the server, may name any user.
 */
export async function openRound(db: Db, opts: { projectId: string; by: string; input: OpenRoundInput; coderRole?: boolean }): Promise<RoundRow> {
  const data = parseInput(openRoundSchema, opts.input);
  const documentIds = [...new Set(data.documentIds)];
  const coders = [...new Set(data.coders)];
  // The schema counts names as given; the same coder twice is still one.
  if (coders.length < 2) throw new AppError("invalid_input", { en: "a blind round needs at least two coders", zh: "盲编轮次至少需要两位编码者" });
  return inTransaction(db, async (tx) => {
    const known = await selectProjectDocumentIds(tx, opts.projectId, documentIds);
    const unknownDocs = documentIds.filter((d) => !known.has(d));
    if (unknownDocs.length > 0) {
      throw new AppError(
        "invalid_input",
        { en: `not documents of this project: ${unknownDocs.join(", ")}`, zh: `不是本项目的文档：${unknownDocs.join("、")}` },
        { documentIds: unknownDocs },
      );
    }
    const coderIds: string[] = [];
    const unknownCoders: string[] = [];
    for (const name of coders) {
      const u = await findAccountByName(tx, name);
      if (u) coderIds.push(u.id);
      else unknownCoders.push(name);
    }
    if (unknownCoders.length > 0) {
      throw new AppError(
        "invalid_input",
        { en: `no such users: ${unknownCoders.join(", ")} (add them first)`, zh: `没有这些用户：${unknownCoders.join("、")}（请先添加）` },
        { coders: unknownCoders },
      );
    }
    if (opts.coderRole) {
      const roles = new Map((await selectMembers(tx, opts.projectId)).map((m) => [m.userId, m.role]));
      const notCoders = coders.filter((_, i) => roles.get(coderIds[i]!) !== "coder");
      if (notCoders.length > 0) {
        throw new AppError(
          "invalid_input",
          {
            en: `not coders of this project: ${notCoders.join(", ")} (only members with the coder role code in a round)`,
            zh: `不是本项目的编码者：${notCoders.join("、")}（只有角色为编码者的成员才能参与轮次）`,
          },
          { coders: notCoders },
        );
      }
    }
    return insertRound(tx, { projectId: opts.projectId, name: data.name, openedBy: opts.by, documentIds, coderIds });
  });
}

/** Closes an open round (revealing all codings on its documents); a closed one is refused. */
export async function closeRound(db: Db, opts: { roundId: string; by: string; now?: Date }): Promise<RoundRow> {
  return inTransaction(db, async (tx) => {
    const round = await selectRound(tx, opts.roundId);
    if (!round) throw new AppError("not_found", { en: "no such round", zh: "未找到该轮次" });
    if ((await closeOpenRound(tx, opts.roundId, opts.by, opts.now ?? new Date())) === 0) {
      throw new AppError("conflict", { en: `round “${round.name}” is already closed`, zh: `轮次“${round.name}”已关闭` });
    }
    return (await selectRound(tx, opts.roundId))!;
  });
}

export function listRounds(db: Db, projectId: string): Promise<RoundRow[]> {
  return selectRounds(db, projectId);
}

export function getRound(db: Db, roundId: string): Promise<RoundRow | null> {
  return selectRound(db, roundId);
}

/** Finds a round by id or (within a project) by name, for the CLI. */
export async function findRound(db: Db, projectId: string, idOrName: string): Promise<RoundRow> {
  const rounds = await selectRounds(db, projectId);
  const hit = rounds.find((r) => r.id === idOrName) ?? rounds.find((r) => r.name === idOrName && r.status === "open") ?? rounds.find((r) => r.name === idOrName);
  if (!hit) throw new AppError("not_found", { en: `no round “${idOrName}” in this project`, zh: `本项目没有轮次“${idOrName}”` });
  return hit;
}

/**
 * What `coderName` may not see in the project: null when they are a coder of no open round
 * (or have never coded: a name without a user row is in no round).
 */
export async function blindScopeOf(db: DbClient, projectId: string, coderName: string): Promise<BlindScope> {
  const user = await findAccountByName(db, coderName);
  if (!user) return null;
  const documentIds = await selectBlindDocumentIds(db, projectId, user.id);
  return documentIds.length > 0 ? { userId: user.id, documentIds } : null;
}

/**
 * Whose codings `coderName` may see on one document: only their own (their user id) while
 * they code it in an open round, else everyone's (undefined).
 */
export async function blindCoderOn(db: DbClient, documentId: string, coderName: string): Promise<string | undefined> {
  return (await selectBlindCoderOnDocument(db, documentId, coderName)) ?? undefined;
}

/**
 * Agreement reports, consensus and exports show every coder's codings at once, so a coder of
 * an open blind round is refused them until it closes (the round's owner, not coding in it,
 * is not).
 */
export function refuseWhileBlind(blind: BlindScope): void {
  if (blind) {
    throw new AppError("forbidden", {
      en: "you are coding in an open blind round: agreement and exports of this project open to you when the round is closed",
      zh: "您正在参与未关闭的盲编轮次：本轮关闭后才能查看本项目的一致性结果和导出",
    });
  }
}
