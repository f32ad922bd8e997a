import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { codeLabel } from "@/components/codebook/tree";
import { MemosView } from "@/components/memos/MemosView";
import type { LinkView, MemoItem, PassageDraft, RawLink } from "@/components/memos/types";
import { flattenCodebook, getCodebook } from "@/lib/codebook";
import { listMemos, type MemoView } from "@/lib/coding";
import { getDocument, listDocuments } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { OffsetMap } from "@/lib/text/offsets";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.memos") };
}

/** A passage's quote, clipped for display; offsets are code points (lib/text/offsets). */
function quoteOf(map: OffsetMap, start: number, end: number): string {
  const s = Math.max(0, Math.min(start, map.cpCount));
  const e = Math.max(s, Math.min(end, map.cpCount));
  const q = map.slice(s, Math.min(e, s + 160));
  return e - s > 160 ? `${q}…` : q;
}

/**
 * Every memo of the project (free project memos and the reader's document / code / coding
 * memos), with their targets and links resolved to titles, code names and quotes.
 */
export default async function MemosPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("memos"), getLocale()]);
  const db = getDb();
  const [memos, codebook, documents] = await Promise.all([
    listMemos(db, projectId),
    getCodebook(db, projectId),
    listDocuments(db, projectId),
  ]);
  const codes = new Map(flattenCodebook(codebook).map((c) => [c.id, c]));
  const docs = new Map(documents.map((d) => [d.id, d]));

  // Passage from a search hit: /memos?documentId=…&start=…&end=…
  const draftDoc = typeof sp.documentId === "string" ? sp.documentId : null;
  const draftStart = Number(sp.start);
  const draftEnd = Number(sp.end);
  const wantDraft = draftDoc !== null && docs.has(draftDoc) && Number.isInteger(draftStart) && Number.isInteger(draftEnd) && draftEnd > draftStart;

  // Texts of the documents that links point into, each read once.
  const needed = new Set<string>();
  for (const m of memos) for (const l of m.links) if ("documentId" in l && docs.has(l.documentId)) needed.add(l.documentId);
  if (wantDraft && draftDoc) needed.add(draftDoc);
  const maps = new Map<string, OffsetMap>();
  for (const id of needed) maps.set(id, new OffsetMap((await getDocument(db, id)).plainText));

  const reader = (documentId: string, at?: number) =>
    `/projects/${projectId}/documents/${documentId}${at !== undefined ? `?at=${at}` : ""}`;

  const linkView = (l: RawLink): LinkView => {
    if ("codeId" in l) {
      const c = codes.get(l.codeId);
      return {
        type: "code",
        codeId: l.codeId,
        shortName: c?.shortName ?? "?",
        label: c ? codeLabel(c, locale).label : t("deletedCode"),
        color: c?.color ?? "#a8a29e",
        missing: !c,
      };
    }
    const d = docs.get(l.documentId);
    const map = maps.get(l.documentId);
    return {
      type: "passage",
      documentId: l.documentId,
      start: l.start,
      end: l.end,
      title: d?.title ?? t("deletedDocument"),
      quote: map ? quoteOf(map, l.start, l.end) : "",
      href: d ? reader(l.documentId, l.start) : null,
    };
  };

  const target = (m: MemoView): MemoItem["target"] => {
    if (m.kind === "document" && m.documentId) {
      return { label: docs.get(m.documentId)?.title ?? m.documentId, href: reader(m.documentId) };
    }
    if (m.kind === "code" && m.codeId) {
      const c = codes.get(m.codeId);
      return { label: c ? `${c.shortName} ${codeLabel(c, locale).label}` : m.codeId, href: `/projects/${projectId}/codebook` };
    }
    if (m.kind === "coding" && m.codingId) return { label: `#${m.codingId.slice(-8)}`, href: null };
    return null;
  };

  const items: MemoItem[] = memos.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    author: m.author,
    version: m.version,
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    target: target(m),
    links: m.links.map(linkView),
    rawLinks: m.links,
  }));

  let draft: PassageDraft | null = null;
  if (wantDraft && draftDoc) {
    const map = maps.get(draftDoc)!;
    draft = {
      documentId: draftDoc,
      start: draftStart,
      end: draftEnd,
      title: docs.get(draftDoc)!.title,
      quote: quoteOf(map, draftStart, draftEnd),
    };
  }
  const draftCode = typeof sp.codeId === "string" && codes.has(sp.codeId) ? sp.codeId : null;

  return (
    <MemosView
      projectId={projectId}
      memos={items}
      codebook={codebook}
      draftPassage={draft}
      draftCodeId={draftCode}
    />
  );
}
