/**
 * Query functions of user-defined document variables: definitions and per-document values.
 * Portable Prisma only. Rules (kinds, value normalisation, CSV) live in lib/analysis/variables.ts.
 */
import type { DbClient } from "./shared";

export type VariableRow = {
  id: string;
  projectId: string;
  name: string;
  labelZh: string;
  labelEn: string;
  kind: string;
  categories: string;
  sortOrder: number;
};

const select = { id: true, projectId: true, name: true, labelZh: true, labelEn: true, kind: true, categories: true, sortOrder: true } as const;

export function listVariableRows(db: DbClient, projectId: string): Promise<VariableRow[]> {
  return db.documentVariable.findMany({ where: { projectId }, select, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
}

export function insertVariable(
  db: DbClient,
  data: { projectId: string; name: string; labelZh: string; labelEn: string; kind: string; categories: string; sortOrder: number },
): Promise<VariableRow> {
  return db.documentVariable.create({ data, select });
}

export async function writeVariableValues(db: DbClient, variableId: string, values: { documentId: string; value: string | null }[]): Promise<void> {
  const clear = values.filter((v) => v.value === null).map((v) => v.documentId);
  if (clear.length > 0) await db.documentVariableValue.deleteMany({ where: { variableId, documentId: { in: clear } } });
  for (const v of values) {
    if (v.value === null) continue;
    await db.documentVariableValue.upsert({
      where: { variableId_documentId: { variableId, documentId: v.documentId } },
      create: { variableId, documentId: v.documentId, value: v.value },
      update: { value: v.value },
    });
  }
}

export function listVariableValues(db: DbClient, variableId: string): Promise<{ documentId: string; value: string }[]> {
  return db.documentVariableValue.findMany({ where: { variableId }, select: { documentId: true, value: true } });
}

/** The project's documents with what a CSV row may name them by: id, title, original file name. */
export function listDocumentNames(db: DbClient, projectId: string): Promise<{ id: string; title: string; originalFilename: string }[]> {
  return db.document.findMany({ where: { projectId }, select: { id: true, title: true, originalFilename: true } });
}

/** Every value of every variable of a project's documents. */
export function listProjectVariableValues(db: DbClient, projectId: string): Promise<{ variableId: string; documentId: string; value: string }[]> {
  return db.documentVariableValue.findMany({ where: { variable: { projectId } }, select: { variableId: true, documentId: true, value: true } });
}

export function listDocumentBriefs(db: DbClient, projectId: string): Promise<{ id: string; title: string; year: number | null; region: string }[]> {
  return db.document.findMany({
    where: { projectId },
    select: { id: true, title: true, year: true, region: true },
    orderBy: [{ year: "asc" }, { title: "asc" }],
  });
}
