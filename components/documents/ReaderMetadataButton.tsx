"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/shell/ui";
import { MetadataDialog } from "./MetadataDialog";
import type { DocumentRow } from "./types";

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
