import Link from "next/link";
import type { ProjectSummary } from "@/lib/corpus";
import { DeleteProjectButton } from "./DeleteProjectDialog";
import { formatCount, formatDate } from "./format";

/** The project list with its corpus and coding counts. */
export function ProjectTable({ projects }: { projects: ProjectSummary[] }) {
  if (projects.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-stone-500">
        <p className="text-sm">还没有项目。 No projects yet.</p>
        <p className="mt-1 text-xs">新建一个项目，然后导入文档。 Create a project, then import documents.</p>
      </div>
    );
  }
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
      <table className="w-full text-[13px]" data-testid="project-table">
        <thead className="border-b border-stone-200 bg-stone-50 text-left text-[11px] text-stone-600">
          <tr>
            <th className="px-3 py-2 font-medium">项目 Project</th>
            <th className="px-3 py-2 text-right font-medium">文档 Documents</th>
            <th className="px-3 py-2 text-right font-medium">字数 Characters</th>
            <th className="px-3 py-2 text-right font-medium">编码 Codes</th>
            <th className="px-3 py-2 text-right font-medium">编码次数 Codings</th>
            <th className="px-3 py-2 font-medium">创建 Created</th>
            <th className="w-10 px-1 py-2" aria-label="操作 Actions" />
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {projects.map((p) => (
            <tr key={p.id} className="hover:bg-stone-50" data-testid="project-row" data-project-id={p.id}>
              <td className="px-3 py-2">
                <Link href={`/projects/${p.id}`} className="font-medium text-accent-700 hover:underline">
                  {p.name}
                </Link>
                {p.description ? <p className="mt-0.5 line-clamp-1 text-xs text-stone-500">{p.description}</p> : null}
              </td>
              <td className={num}>{formatCount(p.documentCount)}</td>
              <td className={num}>{formatCount(p.charCount)}</td>
              <td className={num}>{formatCount(p.codeCount)}</td>
              <td className={num}>{formatCount(p.codingCount)}</td>
              <td className="px-3 py-2 text-stone-500 tabular-nums">{formatDate(p.createdAt)}</td>
              <td className="px-1 py-1 text-right">
                <DeleteProjectButton projectId={p.id} projectName={p.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
