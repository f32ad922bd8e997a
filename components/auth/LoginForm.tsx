"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiFailure, apiJson } from "@/components/api/client";
import { Button, inputClass } from "@/components/shell/ui";

/** The sign-in form of a team server; on success a full load of `next` (or the project list). */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth.login");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiJson("/api/auth/login", { method: "POST", body: { name, password } });
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="login-form">
      <label className="flex flex-col gap-1 text-[13px]">
        {t("name")}
        <input className={inputClass} name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="flex flex-col gap-1 text-[13px]">
        {t("password")}
        <input
          className={inputClass}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error ? (
        <p role="alert" className="text-[13px] text-red-700" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t("working") : t("submit")}
      </Button>
    </form>
  );
}
