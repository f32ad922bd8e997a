/**
 * The events the domain functions write, built in one place so every coding, code, memo and
 * period event has the same shape of `detail`. Quotes and memo bodies are cut to a preview:
 * the log says what changed, the row itself (or a backup) holds the full text.
 */
import type { NewAuditEvent } from "../db/audit";
import { changedFields } from "./diff";

const PREVIEW = 200;

/** At most PREVIEW code points, with an ellipsis when cut. */
export function preview(text: string): string {
  const cps = Array.from(text);
  return cps.length <= PREVIEW ? text : `${cps.slice(0, PREVIEW).join("")}…`;
}

export type CodingSnapshot = { code: string; coder: string; start: number; end: number; quote: string; comment: string };

export function codingSnapshot(c: { shortName: string; coder: string; start: number; end: number; quote: string; comment: string }): CodingSnapshot {
  return { code: c.shortName, coder: c.coder, start: c.start, end: c.end, quote: preview(c.quote), comment: c.comment };
}

type CodingRef = { id: string; projectId: string; documentId: string; codeId: string };

export function codingCreated(actor: string, c: CodingRef, snap: CodingSnapshot): NewAuditEvent {
  return { projectId: c.projectId, actor, kind: "coding", entity: "coding", entityId: c.id, action: "created", documentId: c.documentId, codeId: c.codeId, detail: { after: snap } };
}

export function codingDeleted(actor: string, c: CodingRef, snap: CodingSnapshot): NewAuditEvent {
  return { projectId: c.projectId, actor, kind: "coding", entity: "coding", entityId: c.id, action: "deleted", documentId: c.documentId, codeId: c.codeId, detail: { before: snap } };
}

const CODING_FIELDS = ["code", "start", "end", "quote", "comment"] as const;

/** A re-code, resize or comment: only the fields that changed; the code is the new one (the old one is in `before.code`). */
export function codingChanged(actor: string, c: CodingRef, before: CodingSnapshot, after: CodingSnapshot): NewAuditEvent {
  return { projectId: c.projectId, actor, kind: "coding", entity: "coding", entityId: c.id, action: "changed", documentId: c.documentId, codeId: c.codeId, detail: changedFields(before, after, CODING_FIELDS) };
}

type MemoLike = { id: string; projectId: string; kind: string; documentId: string | null; codeId: string | null; codingId: string | null; cellKey: string | null; title: string; body: string; links: unknown };

export function memoSnapshot(m: MemoLike) {
  return { kind: m.kind, codingId: m.codingId, cellKey: m.cellKey, title: m.title, body: preview(m.body), links: m.links };
}

const MEMO_FIELDS = ["title", "body", "links"] as const;

export function memoEvent(actor: string, action: "created" | "changed" | "deleted", m: MemoLike, before?: MemoLike): NewAuditEvent {
  const snap = memoSnapshot(m);
  const detail =
    action === "created" ? { after: snap } : action === "deleted" ? { before: snap } : changedFields(memoSnapshot(before ?? m), snap, MEMO_FIELDS);
  return { projectId: m.projectId, actor, kind: "memo", entity: "memo", entityId: m.id, action, documentId: m.documentId, codeId: m.codeId, detail };
}

/** Who a codebook, memo or coding function records as the one who made the change. */
export type AuditBy = { actor?: string };
export const actorOf = (by: AuditBy | undefined): string => by?.actor ?? "";

type CodeLike = {
  id: string;
  projectId: string;
  parentId: string | null;
  shortName: string;
  labelZh: string;
  labelEn: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  color: string;
  keywords: string;
  pinned: number | null;
  sortOrder: number;
};

const CODE_FIELDS = ["shortName", "parentId", "labelZh", "labelEn", "definition", "inclusion", "exclusion", "example", "color", "keywords", "pinned"] as const;

export function codeSnapshot(c: CodeLike) {
  const long = (s: string) => preview(s);
  return {
    shortName: c.shortName,
    parentId: c.parentId,
    labelZh: c.labelZh,
    labelEn: c.labelEn,
    definition: long(c.definition),
    inclusion: long(c.inclusion),
    exclusion: long(c.exclusion),
    example: long(c.example),
    color: c.color,
    keywords: c.keywords,
    pinned: c.pinned,
  };
}

export function codeEvent(
  actor: string,
  action: "created" | "changed" | "deleted" | "moved" | "merged",
  c: CodeLike,
  extra: { before?: CodeLike; detail?: Record<string, unknown> } = {},
): NewAuditEvent {
  const snap = codeSnapshot(c);
  const detail =
    action === "created"
      ? { after: snap }
      : action === "deleted"
        ? { before: snap, ...extra.detail }
        : { ...changedFields(codeSnapshot(extra.before ?? c), snap, CODE_FIELDS), ...extra.detail };
  return { projectId: c.projectId, actor, kind: "codebook", entity: "code", entityId: c.id, action, codeId: c.id, detail };
}

export function codeGroupEvent(
  actor: string,
  action: "created" | "changed" | "deleted",
  g: { id: string; projectId: string; name: string },
  detail: Record<string, unknown>,
  codeId?: string,
): NewAuditEvent {
  return { projectId: g.projectId, actor, kind: "codebook", entity: "code-group", entityId: g.id, action, codeId: codeId ?? null, detail: { name: g.name, ...detail } };
}
