"use client";

import { BarChart3, BookOpen, Download, EyeOff, FileText, GitCommitHorizontal, History, Lightbulb, NotebookPen, Scale, Search, Users } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "", label: "documents", Icon: FileText },
  { segment: "codebook", label: "codebook", Icon: BookOpen },
  { segment: "search", label: "search", Icon: Search },
  { segment: "suggestions", label: "suggestions", Icon: Lightbulb },
  { segment: "memos", label: "memos", Icon: NotebookPen },
  { segment: "analysis", label: "analysis", Icon: BarChart3 },
  { segment: "periods", label: "periods", Icon: GitCommitHorizontal },
  { segment: "agreement", label: "agreement", Icon: Scale },
  { segment: "export", label: "export", Icon: Download },
  { segment: "rounds", label: "rounds", Icon: EyeOff },
  { segment: "audit", label: "audit", Icon: History },
  { segment: "members", label: "members", Icon: Users },
] as const;

/** Tabs only owners get (the pages answer 404 to anyone else). */
const OWNER_TABS: ReadonlySet<string> = new Set(["rounds", "members"]);

/** Tabs of a project. The Documents tab also covers the reader (/documents/…); the audit log is for owners and coders. */
export function ProjectNav({ projectId, canManage = false, canAudit = false }: { projectId: string; canManage?: boolean; canAudit?: boolean }) {
  const t = useTranslations("shell");
  const ta = useTranslations("auth");
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length).replace(/^\//, "") : "";
  const current = rest.split("/")[0];
  return (
    <nav className="flex gap-0.5 print:hidden" aria-label={t("projectNav")}>
      {TABS.filter((tab) => (canManage || !OWNER_TABS.has(tab.segment)) && (canAudit || tab.segment !== "audit")).map(({ segment, label, Icon }) => {
        const active = segment === "" ? current === "" || current === "documents" : current === segment;
        return (
          <Link
            key={label}
            href={segment ? `${base}/${segment}` : base}
            aria-current={active ? "page" : undefined}
            className={`inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-[13px] ${
              active
                ? "border-accent-600 font-medium text-stone-900"
                : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
            }`}
          >
            <Icon size={14} aria-hidden />
            <span>{label === "members" ? ta("membersTab") : t(`tabs.${label}`)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
