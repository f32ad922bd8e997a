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
