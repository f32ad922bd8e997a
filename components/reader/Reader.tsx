"use client";

import type { ReactNode } from "react";
import { useMemo } from "react";
import { CodingReader } from "./CodingReader";
import { ReaderFrame } from "./ReaderFrame";
import { ReaderToolbar } from "./ReaderToolbar";
import type { PickerCode } from "./types";
import { useReaderText } from "./useReaderText";
import { unpackReader, type PackedCodings } from "./wire";

const ignore = () => {};

/**
 * The coding reader as the document's page mounts it: the codings come with the page, the
 * text and its units from a route the browser caches (useReaderText, preloaded by the page).
 * Until the text is there, the server's markup of its first screen stands in, in the
 * reader's frame (or the reason it could not be loaded, with a retry); then CodingReader.
 */
export function Reader(props: { textUrl: string; data: PackedCodings; codes: PickerCode[]; me?: string; firstScreen: ReactNode }) {
  const { textUrl, data, codes, firstScreen } = props;
  const [text, retry] = useReaderText(textUrl);
  const unpacked = useMemo(() => (text.value ? unpackReader({ ...text.value, ...data }, codes) : null), [text.value, data, codes]);
  if (!unpacked) {
    // Until the text arrives (usually from the browser's cache, while the scripts start): its
    // first screen as the server rendered it, in the reader's frame; or why it failed.
    return (
      <ReaderFrame
        toolbar={
          <ReaderToolbar
            busy={false}
            notice={null}
            undoLabel={null}
            undoCount={0}
            codingCount={data.codings.length}
            error={text.error ? { message: text.error, conflict: true } : null}
            onUndo={ignore}
            onReload={retry}
            onDismissError={retry}
          />
        }
        text={
          <div className="min-w-0 max-w-[46em] flex-1" data-testid="reader-text" data-document-id={data.document.id}>
            {firstScreen}
          </div>
        }
        documentId={data.document.id}
        ready={false}
      />
    );
  }
  return <CodingReader unpacked={unpacked} codes={codes} me={props.me} firstScreen={firstScreen} />;
}
