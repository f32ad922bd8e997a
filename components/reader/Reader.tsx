"use client";

import type { ReactNode } from "react";
import { useMemo } from "react";
import { CodingReader } from "./CodingReader";
import { ReaderFrame } from "./ReaderFrame";
import { ReaderToolbar } from "./ReaderToolbar";
import type { PickerCode } from "./types";
import { useReaderData } from "./useReaderData";
import { unpackReader } from "./wire";

const ignore = () => {};

/**
 * The coding reader as the document's page mounts it: the text and its units from a route
 * the browser caches, the codings from one it asks on every open (useReaderData; the page
 * preloads both). Until they are there, the server's markup of the first screen stands in,
 * in the reader's frame (or the reason they could not be loaded, with a retry); then
 * CodingReader.
 */
export function Reader(props: {
  documentId: string;
  textUrl: string;
  codingsUrl: string;
  codes: PickerCode[];
  me?: string;
  firstScreen: ReactNode;
}) {
  const { documentId, textUrl, codingsUrl, codes, firstScreen } = props;
  const [data, retry] = useReaderData(textUrl, codingsUrl);
  // The codings name their codes themselves (extraCodes): the page's codebook is for the picker.
  const unpacked = useMemo(() => (data.value ? unpackReader({ ...data.value.text, ...data.value.codings }, []) : null), [data.value]);
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
            codingCount={null}
            error={data.error ? { message: data.error, conflict: true } : null}
            onUndo={ignore}
            onReload={retry}
            onDismissError={retry}
          />
        }
        text={
          <div className="min-w-0 max-w-[46em] flex-1" data-testid="reader-text" data-document-id={documentId}>
            {firstScreen}
          </div>
        }
        documentId={documentId}
        ready={false}
      />
    );
  }
  return <CodingReader unpacked={unpacked} codes={codes} me={props.me} />;
}
