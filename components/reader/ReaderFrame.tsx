import type { ReactNode, RefObject } from "react";

/** The reader's layout: the toolbar and the text (with what sits beside it: margin, tooltip, picker), and the side panel. */
export function ReaderFrame({
  documentId,
  ready,
  toolbar,
  text,
  stageRef,
  beside,
  aside,
}: {
  documentId: string;
  ready: boolean;
  toolbar: ReactNode;
  text: ReactNode;
  stageRef?: RefObject<HTMLDivElement | null>;
  beside?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div
      className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]"
      data-testid="reader"
      data-ready={ready ? "true" : "false"}
      data-document-id={documentId}
    >
      <div className="flex min-w-0 flex-col gap-2">
        {toolbar}
        <article className="rounded-md border border-stone-200 bg-white py-6 pr-3 pl-8" lang="zh-Hans">
          <div ref={stageRef} className="relative flex gap-3">
            {text}
            {beside}
          </div>
        </article>
      </div>
      <aside className="flex flex-col gap-4 lg:sticky lg:top-12 lg:max-h-[calc(100vh-3.5rem)] lg:overflow-y-auto lg:pr-1">{aside}</aside>
    </div>
  );
}
