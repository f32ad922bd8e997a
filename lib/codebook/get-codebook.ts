import type { BlindScope } from "../db/rounds";
import type { Db } from "../db/client";
import { listCodesWithCounts, projectExists, type CodeWithCounts } from "../db/codes";
import { AppError } from "../errors";
import { codeFieldsOf } from "./code-fields";
import type { CodeNode } from "./types";

function toNode(row: CodeWithCounts): CodeNode {
  return {
    ...codeFieldsOf(row),
    id: row.id,
    parentId: row.parentId,
    pinned: row.pinned,
    version: row.version,
    template: row.template,
    sortOrder: row.sortOrder,
    codingCount: row._count.codings,
    totalCodingCount: row._count.codings,
    groups: row.memberships.map((m) => m.group).sort((a, b) => a.name.localeCompare(b.name)),
    children: [],
  };
}

/**
 * The project's whole code tree, siblings ordered by sortOrder, with coding counts (own and
 * including descendants; without the codings an open blind round hides from the asker) and
 * group memberships. One query; the tree is built in memory.
 */
export async function getCodebook(db: Db, projectId: string, opts: { blind?: BlindScope } = {}): Promise<CodeNode[]> {
  const rows = await listCodesWithCounts(db, projectId, opts.blind ?? null);
  if (rows.length === 0 && !(await projectExists(db, projectId))) {
    throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId });
  }
  // Rows arrive sorted by sortOrder, so pushing in order keeps siblings sorted.
  const nodes = new Map(rows.map((r) => [r.id, toNode(r)]));
  const roots: CodeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node); // a dangling parentId must not hide a code
  }
  const total = (n: CodeNode, seen: Set<string>): number => {
    seen.add(n.id);
    n.totalCodingCount = n.codingCount + n.children.reduce((s, c) => s + (seen.has(c.id) ? 0 : total(c, seen)), 0);
    return n.totalCodingCount;
  };
  const seen = new Set<string>();
  for (const r of roots) total(r, seen);
  return roots;
}
