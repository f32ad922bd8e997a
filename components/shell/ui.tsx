"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ButtonHTMLAttributes, ReactNode } from "react";

/** Small shared UI pieces: one look for buttons, fields and dialogs across the app. */

type Variant = "primary" | "secondary" | "ghost" | "danger";

const variantClass: Record<Variant, string> = {
  primary: "bg-accent-600 text-white hover:bg-accent-700 disabled:bg-stone-300",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
  ghost: "text-stone-600 hover:bg-stone-200/70 hover:text-stone-900 disabled:text-stone-300",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-300",
};

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  const sizeClass = size === "sm" ? "h-7 px-2 text-xs" : "h-8 px-3 text-[13px]";
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed ${sizeClass} ${variantClass[variant]} ${className}`}
      {...rest}
    />
  );
}

export const inputClass =
  "h-8 w-full rounded border border-stone-300 bg-white px-2 text-[13px] text-stone-900 placeholder:text-stone-400 focus:border-accent-500 focus:outline-none focus:ring-1 focus:ring-accent-500 disabled:bg-stone-100";

export const selectClass = inputClass + " pr-6";

/** A labelled form field; `label` is already in the interface language. */
export function Field({
  label,
  htmlFor,
  hint,
  className = "",
  children,
}: {
  label: ReactNode;
  htmlFor?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={htmlFor} className="text-[11px] font-medium tracking-wide text-stone-600">
        {label}
      </label>
      {children}
      {hint ? <p className="text-[11px] text-stone-500">{hint}</p> : null}
    </div>
  );
}

/** A modal dialog (Radix) with a title bar; the body scrolls when long. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  width = "max-w-lg",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  width?: string;
  children: ReactNode;
}) {
  const tc = useTranslations("common");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/30" />
        <Dialog.Content
          className={`fixed top-[8vh] left-1/2 z-50 flex max-h-[84vh] w-[calc(100vw-2rem)] ${width} -translate-x-1/2 flex-col rounded-md border border-stone-200 bg-white shadow-xl focus:outline-none`}
        >
          <div className="flex items-start justify-between gap-4 border-b border-stone-200 px-4 py-3">
            <div>
              <Dialog.Title className="text-sm font-semibold text-stone-900">{title}</Dialog.Title>
              {description ? (
                <Dialog.Description className="mt-0.5 text-xs text-stone-500">{description}</Dialog.Description>
              ) : (
                <Dialog.Description className="sr-only">{title}</Dialog.Description>
              )}
            </div>
            <Dialog.Close asChild>
              <button
                type="button"
                aria-label={tc("close")}
                className="rounded p-1 text-stone-500 hover:bg-stone-100 hover:text-stone-900"
              >
                <X size={16} />
              </button>
            </Dialog.Close>
          </div>
          <div className="overflow-y-auto px-4 py-3">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** An inline error box with the server's user-facing reason. */
export function ErrorNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
      {children}
    </p>
  );
}

/** A file size for people: bytes, then KB and MB with one decimal. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
