import type { Db } from "./client";

export type ProjectSummary = {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  documentCount: number;
  charCount: number;
  codeCount: number;
  codingCount: number;
};

export async function insertProject(db: Db, data: { name: string; description: string }) {
  return db.project.create({ data, select: { id: true, name: true, description: true, createdAt: true } });
}

export async function findProjectByName(db: Db, name: string) {
  return db.project.findUnique({ where: { name } });
}

export async function findProjectById(db: Db, id: string) {
  return db.project.findUnique({ where: { id } });
}

export async function selectProjectSummaries(db: Db): Promise<ProjectSummary[]> {
  const [projects, chars] = await Promise.all([
    db.project.findMany({
      orderBy: { createdAt: "asc" },
      include: { _count: { select: { documents: true, codes: true, codings: true } } },
    }),
    db.document.groupBy({ by: ["projectId"], _sum: { charCount: true } }),
  ]);
  const charsByProject = new Map(chars.map((c) => [c.projectId, c._sum.charCount ?? 0]));
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    createdAt: p.createdAt,
    documentCount: p._count.documents,
    charCount: charsByProject.get(p.id) ?? 0,
    codeCount: p._count.codes,
    codingCount: p._count.codings,
  }));
}

export type ProjectContentCounts = { documents: number; codings: number; memos: number; codes: number };

/** What goes with a project when it is deleted (the schema cascades each of these). */
export async function countProjectContents(db: Db, id: string): Promise<ProjectContentCounts> {
  const p = await db.project.findUniqueOrThrow({
    where: { id },
    select: { _count: { select: { documents: true, codings: true, memos: true, codes: true } } },
  });
  return p._count;
}

export async function deleteProjectById(db: Db, id: string) {
  await db.project.delete({ where: { id } });
}
