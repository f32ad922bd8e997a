"use client";

import * as Tooltip from "@radix-ui/react-tooltip";
import {
  useState,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type RefObject,
} from "react";
import { safeColor } from "./colors";
import { useLocale, useTranslations } from "next-intl";
import { codeLabel } from "@/components/codebook/tree";
import type { Locale } from "@/lib/i18n/locale";
import { formatDate } from "./MemoPanel";
import type { ReaderCoding } from "./types";

type Hover = { id: string; top: number; left: number; width: number; height: number };

const barOf = (t: EventTarget | null) => (t instanceof HTMLElement ? t.closest<HTMLElement>("[data-coding-id]") : null);

/**
 * The margin column (its bars are drawn by MarginRenderer, outside React) with the events
 * that reach React by delegation: click or Enter selects a bar's coding, hover or focus
 * shows the coding's tooltip (code, labels, coder, date, comment, anchor state).
 */
export function MarginTooltip({
  marginRef,
  codingOf,
  onSelect,
}: {
  marginRef: RefObject<HTMLDivElement | null>;
  codingOf: (id: string) => ReaderCoding | undefined;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("reader.margin");
  const locale = useLocale() as Locale;
  const [hover, setHover] = useState<Hover | null>(null);
  const hovered = hover ? codingOf(hover.id) : undefined;

  const onClick = (e: ReactMouseEvent) => {
    const id = barOf(e.target)?.getAttribute("data-coding-id");
    if (id) onSelect(id);
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    const id = barOf(e.target)?.getAttribute("data-coding-id");
    if (id && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      e.stopPropagation();
      onSelect(id);
    }
  };
  const onOver = (e: ReactMouseEvent | ReactFocusEvent) => {
    const bar = barOf(e.target);
    const id = bar?.getAttribute("data-coding-id");
    if (!bar || !id) return;
    setHover((h) =>
      h && h.id === id
        ? h
        : { id, top: bar.offsetTop, left: bar.offsetLeft, width: bar.offsetWidth, height: Math.min(bar.offsetHeight, 48) },
    );
  };

  return (
    <div className="relative flex-none border-l border-stone-100 pl-1">
      <div
        ref={marginRef}
        className="reader-margin h-full"
        data-testid="reader-margin"
        aria-label={t("label")}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onMouseOver={onOver}
        onFocus={onOver}
        onMouseLeave={() => setHover(null)}
        onBlur={() => setHover(null)}
      />
      <Tooltip.Root open={!!hovered} onOpenChange={(o) => (o ? undefined : setHover(null))}>
        <Tooltip.Trigger asChild>
          <div
            aria-hidden
            className="pointer-events-none absolute"
            style={
              hover
                ? { top: hover.top, left: hover.left + 4, width: hover.width, height: hover.height }
                : { top: 0, left: 0, width: 0, height: 0 }
            }
          />
        </Tooltip.Trigger>
        {hovered ? (
          <Tooltip.Portal>
            <Tooltip.Content
              key={hovered.id}
              side="left"
              sideOffset={8}
              collisionPadding={8}
              className="z-50 max-w-xs rounded-md border border-stone-200 bg-white px-3 py-2 text-xs shadow-lg"
              data-testid="coding-tooltip"
            >
              <p className="flex items-center gap-1.5 font-semibold">
                <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: safeColor(hovered.color) }} />
                <span className="font-mono">{hovered.shortName}</span>
              </p>
              <p className="text-stone-800">{codeLabel(hovered, locale).label}</p>
              {codeLabel(hovered, locale).other ? <p className="text-stone-500">{codeLabel(hovered, locale).other}</p> : null}
              <p className="mt-1 text-[11px] text-stone-500">
                {hovered.coder} · {formatDate(hovered.createdAt)}
              </p>
              {hovered.comment ? <p className="mt-1 border-t border-stone-100 pt-1 text-stone-700">{hovered.comment}</p> : null}
              {hovered.anchor !== "ok" ? (
                <p className="mt-1 text-[11px] text-amber-800">
                  {t(hovered.anchor)}
                </p>
              ) : null}
            </Tooltip.Content>
          </Tooltip.Portal>
        ) : null}
      </Tooltip.Root>
    </div>
  );
}
