"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiFailure, apiJson } from "@/components/api/client";
import { Button, inputClass } from "@/components/shell/ui";

/** The signed-in user's own password: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const t = useTranslations("auth.password");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) {
      setMessage({ ok: false, text: t("mismatch") });
      return;
    }
    setBusy(true);
    try {
      await apiJson("/api/auth/password", { method: "POST", body: { currentPassword: current, newPassword: next } });
      setMessage({ ok: true, text: t("changed") });
      setCurrent("");
      setNext("");
      setRepeat("");
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  const field = (label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <label className="flex flex-col gap-1 text-[13px]">
      {label}
      <input className={inputClass} type="password" autoComplete={autoComplete} value={value} onChange={(e) => set(e.target.value)} required />
    </label>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      {field(t("current"), current, setCurrent, "current-password")}
      {field(t("new"), next, setNext, "new-password")}
      {field(t("repeat"), repeat, setRepeat, "new-password")}
      <p className="text-xs text-stone-500">{t("hint")}</p>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-[13px] ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {t("submit")}
      </Button>
    </form>
  );
}
