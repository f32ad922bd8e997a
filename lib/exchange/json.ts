/**
 * The whole project as one JSON document: documents with text and metadata, units, codebook
 * (codes and groups), codings (with their text), memos, periods (stages and junctures) and
 * consensus decisions. Filters narrow documents and codings as in the other exports.
 * `format` and `version` let a later reader (import, restore) recognise the file.
 */
import type { Db } from "../db/client";
import { listExchangeUnits } from "../db/exchange";
import { OffsetMap } from "../text/offsets";
import { loadProjectExtras, type ExportSnapshot } from "./snapshot";

export const JSON_EXPORT_FORMAT = "juncture-project";
export const JSON_EXPORT_VERSION = 1;

export async function buildProjectJson(db: Db, s: ExportSnapshot) {
  const { consensus, periods } = await loadProjectExtras(db, s.project.id);
  const units = await listExchangeUnits(db, s.documents.map((d) => d.id));
  const unitsByDoc = new Map<string, typeof units>();
  for (const u of units) unitsByDoc.set(u.documentId, [...(unitsByDoc.get(u.documentId) ?? []), u]);
  const maps = new Map(s.documents.map((d) => [d.id, new OffsetMap(d.plainText)]));
  const userName = new Map(s.users.map((u) => [u.id, u.name]));
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    offsets: "unicode-code-points",
    filters: s.filters,
    project: s.project,
    users: s.users,
    documents: s.documents.map((d) => ({
      ...d,
      units: (unitsByDoc.get(d.id) ?? []).map((u) => ({ id: u.id, kind: u.kind, ordinal: u.ordinal, paragraph: u.paragraph, start: u.start, end: u.end })),
    })),
    codebook: {
      codes: s.codes.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        shortName: c.shortName,
        path: s.codePath(c.id),
        labelZh: c.labelZh,
        labelEn: c.labelEn,
        definition: c.definition,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
        color: c.color,
        keywords: safeJson(c.keywords, []),
        template: c.template,
        sortOrder: c.sortOrder,
        pinned: c.pinned,
      })),
      groups: s.groups.map((g) => ({ id: g.id, name: g.name, labelZh: g.labelZh, codeIds: g.members.map((m) => m.codeId) })),
    },
    codings: s.codings.map((c) => ({
      id: c.id,
      documentId: c.documentId,
      codeId: c.codeId,
      coderId: c.coderId,
      coder: c.coder.name,
      start: c.start,
      end: c.end,
      text: maps.get(c.documentId)?.slice(c.start, c.end) ?? c.quote,
      comment: c.comment,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })),
    memos: s.memos.map((m) => ({
      id: m.id,
      kind: m.kind,
      documentId: m.documentId,
      codeId: m.codeId,
      codingId: m.codingId,
      author: m.author.name,
      title: m.title,
      body: m.body,
      links: safeJson(m.links, []),
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })),
    periods,
    consensus: consensus.map((c) => {
      const ids = safeJson(c.acceptedCoderIds, []) as string[];
      return { ...c, acceptedCoderIds: ids, acceptedCoders: ids.map((id) => userName.get(id) ?? id) };
    }),
  };
}

function safeJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
