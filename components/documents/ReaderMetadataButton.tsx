"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/shell/ui";
import type { DocumentRow } from "./types";

// Loaded when first opened: the dialog brings the metadata schema (and zod) that the
// reader's page has no other use for, so they stay out of the page's first scripts.
const MetadataDialog = dynamic(() => import("./MetadataDialog").then((m) => m.MetadataDialog), { ssr: false });

/** "Edit metadata" in the reader's header. */
export function ReaderMetadataButton({ document }: { document: DocumentRow }) {
  const t = useTranslations("documents");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Pencil size={12} /> {t("editMetadata")}
      </Button>
      {open ? (
        <MetadataDialog
          document={document}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}
