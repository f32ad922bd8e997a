import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { codeLabel } from "@/components/codebook/tree";
import { MemosView } from "@/components/memos/MemosView";
import type { LinkView, MemoItem, PassageDraft } from "@/components/memos/types";
import { flattenCodebook, getCodebook } from "@/lib/codebook";
import { resolveMemos, type ResolvedLink, type ResolvedMemo } from "@/lib/coding";
import { getDb } from "@/lib/db/client";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("tabs.memos") };
}

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
  await requirePageProject(projectId, "read");
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("memos"), getLocale()]);
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
          label: l.code ? codeLabel(l.code, locale).label : t("deletedCode"),
          color: l.code?.color ?? "#a8a29e",
          missing: !l.code,
        }
      : {
          type: "passage",
          documentId: l.documentId,
          start: l.start,
          end: l.end,
          title: l.title ?? t("deletedDocument"),
          quote: l.quote,
          href: l.title !== null ? reader(l.documentId, l.start) : null,
        };

  const target = ({ target: tg }: ResolvedMemo): MemoItem["target"] => {
    if (!tg) return null;
    if (tg.kind === "document") return { label: tg.title ?? tg.documentId, href: reader(tg.documentId) };
    if (tg.kind === "code") {
      return {
        label: tg.code ? `${tg.code.shortName} ${codeLabel(tg.code, locale).label}` : tg.codeId,
        href: `/projects/${projectId}/codebook`,
      };
    }
    if (tg.kind === "matrix-cell") {
      // The finding's title names its cell (PLACE × COE · VERTICAL); the link opens the matrix.
      return { label: t("matrixCell"), href: `/projects/${projectId}/analysis?view=matrix` };
    }
    return { label: `#${tg.codingId.slice(-8)}`, href: null };
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
