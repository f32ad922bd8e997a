/**
 * User-defined document variables: text, number, date, yes/no or a list of categories, set
 * per document, for a selection of documents, or from a CSV (document id, title or file name
 * → values). Analyses group and filter by them like by the built-in fields. Values are stored
 * as canonical text (number as a decimal, date yyyy-mm-dd, yes/no as "yes"/"no").
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Db } from "../db/client";
import { inTransaction, isUniqueViolation, projectExists } from "../db/shared";
import {
  insertVariable,
  listDocumentBriefs,
  listDocumentNames,
  listProjectVariableValues,
  listVariableRows,
  writeVariableValues,
  type VariableRow,
} from "../db/variables";
import { AppError } from "../errors";
import { zodText } from "../i18n/text";
import { parseInput } from "../parse-input";
import { GROUP_BY_VALUES } from "./scope";

export const VARIABLE_KINDS = ["text", "number", "date", "boolean", "category"] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

export type DocumentVariable = Omit<VariableRow, "categories" | "kind"> & { kind: VariableKind; categories: string[] };

/** Names the built-in fields and groupings already use (a variable must not shadow them). */
const RESERVED = new Set<string>([...GROUP_BY_VALUES, "mega-region", "doctype", "title"]);

/** A variable's fields as a client sends them (the API's body). */
export const variableFieldsSchema = z.object({
    name: z
      .string()
      .trim()
      .regex(/^[\p{L}][\p{L}\p{N}_-]{0,39}$/u, zodText("name: a letter, then letters, digits, _ or - (at most 40)", "名称须以字母或汉字开头，只含字母、数字、_ 或 -（最多 40 个）"))
      .refine((n) => !RESERVED.has(n.toLowerCase()), zodText("name is a built-in field", "名称与内置字段重名")),
    labelZh: z.string().trim().max(100).default(""),
    labelEn: z.string().trim().max(100).default(""),
    kind: z.enum(VARIABLE_KINDS, { message: zodText(`kind must be one of ${VARIABLE_KINDS.join(", ")}`, `类型须为 ${VARIABLE_KINDS.join("、")} 之一`) }),
    categories: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  });

export const defineVariableSchema = variableFieldsSchema
  .extend({ projectId: z.string().min(1) })
  .refine((v) => v.kind !== "category" || v.categories.length > 0, {
    message: zodText("a category variable needs its categories", "分类变量须列出类别"),
    path: ["categories"],
  });

function toDomain(r: VariableRow): DocumentVariable {
  return { ...r, kind: r.kind as VariableKind, categories: JSON.parse(r.categories) as string[] };
}

export async function listVariables(db: Db, projectId: string): Promise<DocumentVariable[]> {
  return (await listVariableRows(db, projectId)).map(toDomain);
}

export async function defineVariable(db: Db, input: z.input<typeof defineVariableSchema>): Promise<DocumentVariable> {
  const v = parseInput(defineVariableSchema, input);
  if (!(await projectExists(db, v.projectId))) throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" });
  const existing = await listVariableRows(db, v.projectId);
  try {
    return toDomain(
      await insertVariable(db, { ...v, categories: JSON.stringify([...new Set(v.categories)]), sortOrder: existing.length }),
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { en: `a variable "${v.name}" exists already`, zh: `变量"${v.name}"已存在` });
    throw e;
  }
}

const YES = new Set(["yes", "y", "true", "1", "是", "有"]);
const NO = new Set(["no", "n", "false", "0", "否", "无"]);

/** A value in its canonical text, or the reason it is not one of the variable's kind. null = clear. */
export function normalizeValue(v: Pick<DocumentVariable, "name" | "kind" | "categories">, raw: string | number | boolean | null): string | null {
  if (raw === null) return null;
  const s = String(raw).trim();
  if (s === "") return null;
  const refuse = (en: string, zh: string) => {
    throw new AppError("invalid_input", { en: `${v.name}: "${s}" ${en}`, zh: `${v.name}："${s}"${zh}` });
  };
  switch (v.kind) {
    case "text":
      return s.length > 500 ? refuse("is longer than 500 characters", "超过 500 个字符") : s;
    case "number": {
      const n = Number(s.replace(/,/g, ""));
      return Number.isFinite(n) && /\d/.test(s) ? String(n) : refuse("is not a number", "不是数字");
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : refuse("is not a date (yyyy-mm-dd)", "不是日期（yyyy-mm-dd）");
    case "boolean":
      return YES.has(s.toLowerCase()) ? "yes" : NO.has(s.toLowerCase()) ? "no" : refuse("is not yes or no", "不是“是”或“否”");
    case "category":
      return v.categories.includes(s) ? s : refuse(`is not one of ${v.categories.join(", ")}`, `不是 ${v.categories.join("、")} 之一`);
  }
}

async function variableByName(db: Db, projectId: string, name: string): Promise<DocumentVariable> {
  const v = (await listVariables(db, projectId)).find((x) => x.name === name);
  if (!v) throw new AppError("not_found", { en: `no document variable "${name}" in this project`, zh: `本项目没有文档变量"${name}"` });
  return v;
}

/** Sets (or with null clears) one variable for one or many documents of the project, in one transaction. */
export async function setVariableValues(
  db: Db,
  input: { projectId: string; name: string; values: { documentId: string; value: string | number | boolean | null }[] },
): Promise<{ updated: number }> {
  const v = await variableByName(db, input.projectId, input.name);
  const known = new Set((await listDocumentNames(db, input.projectId)).map((d) => d.id));
  const missing = input.values.find((x) => !known.has(x.documentId));
  if (missing) throw new AppError("not_found", { en: `no document ${missing.documentId} in this project`, zh: `本项目没有文档 ${missing.documentId}` });
  const values = input.values.map((x) => ({ documentId: x.documentId, value: normalizeValue(v, x.value) }));
  await inTransaction(db, (tx) => writeVariableValues(tx, v.id, values));
  return { updated: values.length };
}

export type VariableCsvResult = { documents: number; values: number; unmatched: string[] };

/**
 * Values from a CSV: a header row whose first column names the document (its id, title or
 * original file name) and whose other columns are variable names; an empty cell leaves the
 * value as it is. Every value is checked before anything is written (all or nothing); rows
 * naming no document are reported, not fatal.
 */
export async function importVariableCsv(db: Db, input: { projectId: string; csv: string }): Promise<VariableCsvResult> {
  let rows: string[][];
  try {
    rows = parse(input.csv.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new AppError("invalid_input", { en: `the CSV cannot be read: ${(e as Error).message}`, zh: `无法读取 CSV：${(e as Error).message}` });
  }
  const [header, ...body] = rows;
  if (!header || header.length < 2) {
    throw new AppError("invalid_input", { en: "the CSV needs a header: document, then one column per variable", zh: "CSV 须有表头：第一列为文档，其后每列一个变量" });
  }
  const variables = await listVariables(db, input.projectId);
  const columns = header.slice(1).map((name) => {
    const v = variables.find((x) => x.name === name);
    if (!v) throw new AppError("not_found", { en: `no document variable "${name}" in this project`, zh: `本项目没有文档变量"${name}"` });
    return v;
  });
  const docs = await listDocumentNames(db, input.projectId);
  const byKey = new Map<string, string>();
  for (const d of docs) for (const k of [d.originalFilename, d.title, d.id]) if (k) byKey.set(k, d.id);
  const unmatched: string[] = [];
  const writes = new Map<string, { documentId: string; value: string }[]>();
  const matched = new Set<string>();
  for (const row of body) {
    const key = row[0] ?? "";
    const documentId = byKey.get(key);
    if (!documentId) {
      unmatched.push(key);
      continue;
    }
    matched.add(documentId);
    columns.forEach((v, i) => {
      const value = normalizeValue(v, row[i + 1] ?? "");
      if (value === null) return;
      const list = writes.get(v.id) ?? [];
      list.push({ documentId, value });
      writes.set(v.id, list);
    });
  }
  await inTransaction(db, async (tx) => {
    for (const [variableId, values] of writes) await writeVariableValues(tx, variableId, values);
  });
  return { documents: matched.size, values: [...writes.values()].reduce((n, l) => n + l.length, 0), unmatched };
}

/**
 * The study's variables (FRAMEWORK.md; seed Table 2.2): the city's role in its mega-region and
 * the five types of secondary city. Defines what is missing; values are set per document.
 */
export const SECONDARY_CITY_TEMPLATE = [
  { name: "role", labelEn: "Role in the mega-region", labelZh: "在城市群中的角色", kind: "category", categories: ["core", "secondary"] },
  {
    name: "cityType",
    labelEn: "Type of secondary city",
    labelZh: "次级城市类型",
    kind: "category",
    // TYPE-A strong contenders in great mega-regions; TYPE-B small players in-between large
    // metropolises; TYPE-C pseudo-capitals challenging dominant cores; TYPE-D moderate
    // followers; TYPE-E strugglers under the metropolitan shadow.
    categories: ["TYPE-A", "TYPE-B", "TYPE-C", "TYPE-D", "TYPE-E"],
  },
] as const;

export async function applyVariableTemplate(db: Db, projectId: string): Promise<DocumentVariable[]> {
  const existing = new Set((await listVariables(db, projectId)).map((v) => v.name));
  for (const t of SECONDARY_CITY_TEMPLATE) {
    if (!existing.has(t.name)) await defineVariable(db, { projectId, ...t, categories: [...t.categories] });
  }
  return listVariables(db, projectId);
}

export type VariableTable = {
  documents: { id: string; title: string; year: number | null; region: string }[];
  /** documentId → variable name → value. */
  values: Record<string, Record<string, string>>;
};

/** The documents of a project with their variable values: what the variable editor shows. */
export async function variableTable(db: Db, projectId: string): Promise<VariableTable> {
  const [variables, documents, rows] = await Promise.all([listVariableRows(db, projectId), listDocumentBriefs(db, projectId), listProjectVariableValues(db, projectId)]);
  const nameOf = new Map(variables.map((v) => [v.id, v.name]));
  const values: Record<string, Record<string, string>> = {};
  for (const r of rows) (values[r.documentId] ??= {})[nameOf.get(r.variableId) ?? r.variableId] = r.value;
  return { documents, values };
}
