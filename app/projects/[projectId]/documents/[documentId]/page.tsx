import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { preload } from "react-dom";
import { ReaderMetadataButton } from "@/components/documents/ReaderMetadataButton";
import { docTypeLabel, levelLabel, regionLabel } from "@/components/documents/labels";
import { Reader } from "@/components/reader/Reader";
import type { PickerCode } from "@/components/reader/types";
import { PositionMap } from "@/components/reader/positions";
import { STATIC_TEXT_LIMIT, StaticText } from "@/components/reader/StaticText";
import { readerCodingsUrl, readerTextUrl } from "@/components/reader/wire";
import { flattenCodebook, getCodebook } from "@/lib/codebook";
import { blindCoderOn, getReaderText } from "@/lib/coding";
import { getDocumentSummary } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { otherLocale } from "@/lib/i18n/locale";
import { requirePageProject } from "@/app/coder";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("readerPage"))("title") };
}

type Params = Promise<{ projectId: string; documentId: string }>;

async function load(projectId: string, documentId: string, me: string) {
  const db = getDb();
  try {
    const [document, opening, codebook, blindCoder] = await Promise.all([
      getDocumentSummary(db, documentId),
      getReaderText(db, documentId, { startsBefore: STATIC_TEXT_LIMIT }),
      getCodebook(db, projectId),
      blindCoderOn(db, documentId, me),
    ]);
    return { document, opening, codebook, blind: blindCoder !== undefined };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

/**
 * The coding reader: the metadata header (server-rendered), the text's first screen as
 * server markup until the reader has fetched the text and the codings, then the text as a read-only
 * Tiptap editor with codings as decorations, the coding margin and the side panel
 * (components/reader/). Every sentence stays a `.unit` span with its code-point offsets.
 */
export default async function ReaderPage({ params }: { params: Params }) {
  const { projectId, documentId } = await params;
  const { actor } = await requirePageProject(projectId, "read");
  const { document: doc, opening, codebook, blind } = await load(projectId, documentId, actor.name);
  if (doc.projectId !== projectId) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("readerPage"), getLocale(), getFormatter()]);
  const other = otherLocale(locale);

  const codes: PickerCode[] = flattenCodebook(codebook).map((c) => ({
    id: c.id,
    parentId: c.parentId,
    shortName: c.shortName,
    labelZh: c.labelZh,
    labelEn: c.labelEn,
    definition: c.definition,
    color: c.color,
    pinned: c.pinned,
    version: c.version,
    depth: c.depth,
  }));
  // The reader's data does not travel in the page: the text and its units, which never
  // change, come from a route the browser caches, the codings from one it asks on every
  // open; both requests start as soon as the page's head arrives (components/reader/wire.ts).
  const textUrl = readerTextUrl(doc.id, opening.version);
  const codingsUrl = readerCodingsUrl(doc.id);
  preload(textUrl, { as: "fetch", crossOrigin: "anonymous" });
  preload(codingsUrl, { as: "fetch", crossOrigin: "anonymous" });

  const level = levelLabel(doc.level);
  const type = docTypeLabel(doc.docType);

  return (
    <div className="mx-auto flex max-w-[92rem] flex-col gap-3">
      <header className="rounded-md border border-stone-200 bg-white px-4 py-3" data-testid="reader-header">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <Link
              href={`/projects/${projectId}`}
              className="inline-flex items-center gap-1 text-xs text-stone-500 hover:text-stone-900"
            >
              <ArrowLeft size={12} /> {t("back")}
            </Link>
            <h2 className="mt-1 text-lg font-semibold text-stone-900" data-testid="reader-title">
              {doc.title}
            </h2>
          </div>
          <ReaderMetadataButton document={doc} />
        </div>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-xs sm:grid-cols-3 lg:grid-cols-4">
          <Meta label={t("region")}>
            {doc.region === "other" ? (
              "—"
            ) : (
              <span title={regionLabel(doc.region)[other]}>{`${regionLabel(doc.region)[locale]} (${doc.region})`}</span>
            )}
          </Meta>
          <Meta label={t("place")}>{[doc.province, doc.city].filter(Boolean).join(" · ") || "—"}</Meta>
          <Meta label={t("level")}>
            <span title={level[other]}>{level[locale]}</span>
          </Meta>
          <Meta label={t("type")}>
            <span title={type[other]}>{type[locale]}</span>
          </Meta>
          <Meta label={t("date")}>{doc.date ?? doc.year ?? "—"}</Meta>
          <Meta label={t("issuer")}>{doc.issuer || "—"}</Meta>
          <Meta label={t("size")}>
            {t("sizeValue", {
              chars: format.number(doc.charCount),
              paragraphs: format.number(doc.paragraphCount),
              sentences: format.number(doc.sentenceCount),
            })}
          </Meta>
          <Meta label={t("file")}>
            <span className="font-mono text-[11px]">
              {doc.originalFilename} · {doc.format} · {doc.encoding}
            </span>
          </Meta>
          {doc.sourceRef ? (
            <Meta label={t("source")} wide>
              {/^https?:\/\//.test(doc.sourceRef) ? (
                <a href={doc.sourceRef} className="break-all text-accent-700 hover:underline" rel="noreferrer noopener" target="_blank">
                  {doc.sourceRef}
                </a>
              ) : (
                <span className="break-all">{doc.sourceRef}</span>
              )}
            </Meta>
          ) : null}
        </dl>
      </header>

      {blind ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="blind-notice" role="status">
          {t("blindNotice")}
        </p>
      ) : null}
      <Reader
        documentId={doc.id}
        textUrl={textUrl}
        codingsUrl={codingsUrl}
        codes={codes}
        me={actor.name}
        firstScreen={<StaticText map={new PositionMap(opening.text, opening.paragraphs)} sentences={opening.sentences} />}
      />
    </div>
  );
}

function Meta({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "col-span-full" : undefined}>
      <dt className="text-[10px] tracking-wide text-stone-500">{label}</dt>
      <dd className="text-stone-800">{children}</dd>
    </div>
  );
}
