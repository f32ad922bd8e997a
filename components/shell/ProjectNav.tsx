"use client";

import { BookOpen, FileText, Lightbulb, NotebookPen, Search } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "", zh: "文档", en: "Documents", Icon: FileText },
  { segment: "codebook", zh: "编码本", en: "Codebook", Icon: BookOpen },
  { segment: "search", zh: "检索", en: "Search", Icon: Search },
  { segment: "suggestions", zh: "关键词建议", en: "Suggestions", Icon: Lightbulb },
  { segment: "memos", zh: "备忘录", en: "Memos", Icon: NotebookPen },
] as const;

/** Tabs of a project. The Documents tab also covers the reader (/documents/…). */
export function ProjectNav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length).replace(/^\//, "") : "";
  const current = rest.split("/")[0];
  return (
    <nav className="flex gap-0.5" aria-label="项目导航 Project navigation">
      {TABS.map(({ segment, zh, en, Icon }) => {
        const active = segment === "" ? current === "" || current === "documents" : current === segment;
        return (
          <Link
            key={en}
            href={segment ? `${base}/${segment}` : base}
            aria-current={active ? "page" : undefined}
            className={`inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-[13px] ${
              active
                ? "border-accent-600 font-medium text-stone-900"
                : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
            }`}
          >
            <Icon size={14} aria-hidden />
            <span>{zh}</span>
            <span className="text-stone-500">{en}</span>
          </Link>
        );
      })}
    </nav>
  );
}
