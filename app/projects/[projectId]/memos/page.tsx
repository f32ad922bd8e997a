import type { Metadata } from "next";
import { MemosView } from "@/components/memos/MemosView";
import type { LinkView, MemoItem, PassageDraft } from "@/components/memos/types";
import { flattenCodebook, getCodebook } from "@/lib/codebook";
import { resolveMemos, type ResolvedLink, type ResolvedMemo } from "@/lib/coding";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "备忘录 Memos" };

/**
 * Every memo of the project (free project memos and the reader's document / code / coding
 * memos), with their targets and links resolved by lib (resolveMemos); this page only adds
 * the links to other pages.
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
  const db = getDb();

  // Passage from a search hit: /memos?documentId=…&start=…&end=…
  const draftDoc = typeof sp.documentId === "string" ? sp.documentId : null;
  const draftStart = Number(sp.start);
  const draftEnd = Number(sp.end);
  const wantDraft =
    draftDoc !== null && Number.isInteger(draftStart) && Number.isInteger(draftEnd) && draftStart >= 0 && draftEnd > draftStart;

  const [resolved, codebook] = await Promise.all([
    resolveMemos(db, {
      projectId,
      passages: wantDraft && draftDoc ? [{ documentId: draftDoc, start: draftStart, end: draftEnd }] : [],
    }),
    getCodebook(db, projectId),
  ]);

  const reader = (documentId: string, at?: number) =>
    `/projects/${projectId}/documents/${documentId}${at !== undefined ? `?at=${at}` : ""}`;

  const linkView = (l: ResolvedLink): LinkView =>
    l.type === "code"
      ? {
          type: "code",
          codeId: l.codeId,
          shortName: l.code?.shortName ?? "?",
          label: l.code ? l.code.labelZh || l.code.labelEn : "已删除的编码 deleted code",
          color: l.code?.color ?? "#a8a29e",
          missing: !l.code,
        }
      : {
          type: "passage",
          documentId: l.documentId,
          start: l.start,
          end: l.end,
          title: l.title ?? "已删除的文档 deleted document",
          quote: l.quote,
          href: l.title !== null ? reader(l.documentId, l.start) : null,
        };

  const target = ({ target: t }: ResolvedMemo): MemoItem["target"] => {
    if (!t) return null;
    if (t.kind === "document") return { label: t.title ?? t.documentId, href: reader(t.documentId) };
    if (t.kind === "code") {
      return {
        label: t.code ? `${t.code.shortName} ${t.code.labelZh || t.code.labelEn}` : t.codeId,
        href: `/projects/${projectId}/codebook`,
      };
    }
    return { label: `#${t.codingId.slice(-8)}`, href: null };
  };

  const items: MemoItem[] = resolved.memos.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    author: m.author,
    version: m.version,
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    target: target(m),
    links: m.resolvedLinks.map(linkView),
    rawLinks: m.links,
  }));

  const passage = resolved.passages[0];
  const draft: PassageDraft | null =
    passage && passage.title !== null
      ? { documentId: passage.documentId, start: passage.start, end: passage.end, title: passage.title, quote: passage.quote }
      : null;
  const draftCode =
    typeof sp.codeId === "string" && flattenCodebook(codebook).some((c) => c.id === sp.codeId) ? sp.codeId : null;

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
