"use client";

import * as Popover from "@radix-ui/react-popover";
import { UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CODER_COOKIE, normalizeCoderName } from "@/lib/coding/coder-name";
import { Button, inputClass } from "./ui";

/**
 * Header control naming the person who codes in this browser. Stored in a cookie
 * (`juncture-coder`) that server code reads through app/coder.ts.
 */
export function CoderControl({ name }: { name: string }) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);

  function save(e: FormEvent) {
    e.preventDefault();
    const next = normalizeCoderName(draft);
    if (!next) {
      setError(t("coderLength"));
      return;
    }
    document.cookie = `${CODER_COOKIE}=${encodeURIComponent(next)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    setError(null);
    setOpen(false);
    router.refresh();
  }

  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setDraft(name);
          setError(null);
        }
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          data-testid="coder-control"
          className="inline-flex h-7 items-center gap-1.5 rounded px-2 text-xs text-stone-300 hover:bg-white/10 hover:text-white"
          title={t("currentCoder")}
        >
          <UserRound size={14} />
          <span className="max-w-40 truncate">{name}</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-64 rounded-md border border-stone-200 bg-white p-3 shadow-lg"
        >
          <form onSubmit={save} className="flex flex-col gap-2">
            <label htmlFor="coder-name" className="text-[11px] font-medium text-stone-600">
              {t("coderName")}
            </label>
            <input
              id="coder-name"
              className={inputClass}
              value={draft}
              maxLength={50}
              onChange={(e) => setDraft(e.target.value)}
              autoFocus
            />
            <p className="text-[11px] text-stone-500">
              {t("coderHint")}
            </p>
            {error ? <p className="text-[11px] text-red-700">{error}</p> : null}
            <div className="flex justify-end">
              <Button type="submit" variant="primary" size="sm">
                {tc("save")}
              </Button>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
