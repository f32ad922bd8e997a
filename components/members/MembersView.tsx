"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiFailure, apiJson } from "@/components/api/client";
import { Button, inputClass, selectClass } from "@/components/shell/ui";

type Role = "owner" | "coder" | "viewer";
export type MemberItem = { userId: string; name: string; role: Role };

const ROLES: Role[] = ["owner", "coder", "viewer"];

/** The members table of a project: roles, removal, password reset, and "Add member". */
export function MembersView({ projectId, initialMembers }: { projectId: string; initialMembers: MemberItem[] }) {
  const t = useTranslations("auth.members");
  const [members, setMembers] = useState(initialMembers);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [userName, setUserName] = useState("");
  const [role, setRole] = useState<Role>("coder");
  const [resetFor, setResetFor] = useState<MemberItem | null>(null);
  const [password, setPassword] = useState("");
  const base = `/api/projects/${projectId}/members`;

  async function run(action: () => Promise<void>, success?: string) {
    try {
      await action();
      const { members: fresh } = await apiJson<{ members: MemberItem[] }>(base);
      setMembers(fresh);
      setMessage(success ? { ok: true, text: success } : null);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : String(err) });
    }
  }

  function add(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await apiJson(base, { method: "POST", body: { userName, role } });
      setUserName("");
    });
  }

  function reset(e: FormEvent) {
    e.preventDefault();
    const who = resetFor;
    if (!who) return;
    void run(async () => {
      await apiJson(`${base}/${who.userId}`, { method: "PATCH", body: { password } });
      setResetFor(null);
      setPassword("");
    }, t("passwordReset", { name: who.name }));
  }

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-3">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <p className="text-[13px] text-stone-600">{t("intro")}</p>
      {message ? (
        <p role={message.ok ? "status" : "alert"} data-testid="members-message" className={`text-[13px] ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
      <table className="w-full border-collapse text-[13px]" data-testid="members-table">
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs text-stone-500">
            <th className="py-1.5">{t("user")}</th>
            <th className="py-1.5">{t("role")}</th>
            <th className="py-1.5">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {members.length === 0 ? (
            <tr>
              <td colSpan={3} className="py-2 text-stone-500">
                {t("empty")}
              </td>
            </tr>
          ) : null}
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-stone-100" data-testid="member-row">
              <td className="py-1.5">{m.name}</td>
              <td className="py-1.5">
                <select
                  className={`${selectClass} w-36`}
                  aria-label={t("role")}
                  value={m.role}
                  onChange={(e) =>
                    void run(async () => {
                      await apiJson(`${base}/${m.userId}`, { method: "PATCH", body: { role: e.target.value } });
                    })
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="flex gap-1.5 py-1.5">
                <Button size="sm" onClick={() => setResetFor(m)}>
                  {t("resetPassword")}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() =>
                    void run(async () => {
                      await apiJson(`${base}/${m.userId}`, { method: "DELETE" });
                    })
                  }
                >
                  {t("remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {resetFor ? (
        <form onSubmit={reset} className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-[13px]">
            {t("newPassword", { name: resetFor.name })}
            <input className={inputClass} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <Button type="submit" variant="primary">
            {t("save")}
          </Button>
          <Button onClick={() => setResetFor(null)}>{t("cancel")}</Button>
        </form>
      ) : null}

      <form onSubmit={add} className="flex flex-wrap items-end gap-2 border-t border-stone-200 pt-3">
        <label className="flex flex-col gap-1 text-[13px]">
          {t("userName")}
          <input className={`${inputClass} w-56`} value={userName} onChange={(e) => setUserName(e.target.value)} required data-testid="member-name" />
        </label>
        <label className="flex flex-col gap-1 text-[13px]">
          {t("role")}
          <select className={`${selectClass} w-36`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary">
          {t("add")}
        </Button>
        <p className="w-full text-xs text-stone-500">{t("addHint")}</p>
      </form>
    </div>
  );
}
