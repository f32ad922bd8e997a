/**
 * Periods as a file: JSON ("juncture-periods", version 1: groupings with their stages and
 * junctures, dates written "2014" or "2014-03") and CSV (one row per stage or juncture).
 * Import adds (or, with `replace`, substitutes) every grouping of a file in one
 * transaction: a file with one bad row saves nothing. Export writes the same JSON, the same
 * CSV, or Markdown laid out like the study's Table 4.1 (one section per grouping: stages
 * with their strategies, the junctures between them).
 */
import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { z } from "zod";
import type { Db } from "../db/client";
import { insertJuncture, insertStage, juncturesInScope, recordPeriodChange, stagesInScope, type ScopeKey } from "../db/periods";
import { inTransaction, projectExists, type DbTx } from "../db/shared";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { zodText } from "../i18n/text";
import { parseInput } from "../parse-input";
import { formatPeriodDate, formatSpan, parsePeriodDate, type PeriodDate } from "./period-dates";
import { listPeriods, type ScopePeriods } from "./periods";
import { junctureInputSchema, scopeSchema, stageInputSchema } from "./schemas";
import { periodProblems } from "./validate-periods";

const dateText = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const d = parsePeriodDate(String(v));
    if (!d) ctx.addIssue({ code: "custom", message: zodText(`“${v}” is not a year or year-month (2014, 2014-03)`, `“${v}”不是年份或年月（2014、2014-03）`) });
    return d ?? { year: 0 };
  });

const fileStage = z.object({
  nameZh: z.string().default(""),
  nameEn: z.string().default(""),
  start: dateText,
  end: dateText.nullish(),
  strategies: z.array(z.string()).default([]),
});
const fileJuncture = z.object({
  date: dateText,
  titleZh: z.string().default(""),
  titleEn: z.string().default(""),
  type: z.string().default("other"),
  description: z.string().default(""),
});
const fileGrouping = z.object({
  field: z.string(),
  value: z.string(),
  stages: z.array(fileStage).default([]),
  junctures: z.array(fileJuncture).default([]),
});
export const periodsFileSchema = z.object({
  format: z.literal("juncture-periods", { error: zodText('not a periods file (expected "format": "juncture-periods")', "不是分期文件（应有 \"format\": \"juncture-periods\"）") }),
  version: z.literal(1, { error: zodText("unsupported periods file version (expected 1)", "不支持的分期文件版本（应为 1）") }),
  source: z.string().optional(),
  groupings: z.array(fileGrouping),
});
export type PeriodsFile = z.input<typeof periodsFileSchema>;

export const CSV_COLUMNS = ["field", "value", "kind", "start", "end", "name_zh", "name_en", "type", "strategies", "description"] as const;
/** Strategies share one CSV cell, separated by this. */
const STRATEGY_SEPARATOR = " | ";

/** Reads a periods file's text (JSON when it looks like JSON, else CSV with the columns above) and checks it. */
export function parsePeriodsText(text: string): PeriodsFile {
  const body = text.replace(/^\uFEFF/, "");
  if (/^\s*[{[]/.test(body)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw new AppError("invalid_input", { en: `the periods file is not valid JSON: ${(e as Error).message}`, zh: `分期文件不是有效的 JSON：${(e as Error).message}` });
    }
    parseInput(periodsFileSchema, json);
    return json as PeriodsFile;
  }
  const file = csvToFile(body);
  parseInput(periodsFileSchema, file);
  return file;
}

function csvToFile(text: string): PeriodsFile {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new AppError("invalid_input", { en: `the periods CSV cannot be read: ${(e as Error).message}`, zh: `无法读取分期 CSV：${(e as Error).message}` });
  }
  const missing = ["field", "value", "kind", "start"].filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) {
    throw new AppError("invalid_input", { en: `the periods CSV lacks the column(s) ${missing.join(", ")} (columns: ${CSV_COLUMNS.join(", ")})`, zh: `分期 CSV 缺少列 ${missing.join("、")}（列：${CSV_COLUMNS.join("、")}）` });
  }
  const groupings = new Map<string, { field: string; value: string; stages: unknown[]; junctures: unknown[] }>();
  rows.forEach((r, i) => {
    const key = `${r.field}\u0000${r.value}`;
    const g = groupings.get(key) ?? { field: r.field ?? "", value: r.value ?? "", stages: [], junctures: [] };
    groupings.set(key, g);
    if (r.kind === "stage") {
      g.stages.push({
        nameZh: r.name_zh ?? "",
        nameEn: r.name_en ?? "",
        start: r.start,
        end: r.end ? r.end : null,
        strategies: (r.strategies ?? "").split(STRATEGY_SEPARATOR.trim()).map((s) => s.trim()).filter(Boolean),
      });
    } else if (r.kind === "juncture") {
      g.junctures.push({ date: r.start, titleZh: r.name_zh ?? "", titleEn: r.name_en ?? "", type: r.type || "other", description: r.description ?? "" });
    } else {
      throw new AppError("invalid_input", { en: `row ${i + 2}: kind is “stage” or “juncture”, not “${r.kind ?? ""}”`, zh: `第 ${i + 2} 行：kind 须为 stage 或 juncture，而非“${r.kind ?? ""}”` });
    }
  });
  return { format: "juncture-periods", version: 1, groupings: [...groupings.values()] } as PeriodsFile;
}

export type ImportResult = { groupings: number; stages: number; junctures: number };

/** Adds the file's periods to a project (or replaces those of the groupings it names); all or nothing. */
export async function importPeriods(db: Db, input: { projectId: string; file: PeriodsFile; replace?: boolean; actor: string }): Promise<ImportResult> {
  const file = parseInput(periodsFileSchema, input.file);
  return inTransaction(db, async (tx) => {
    if (!(await projectExists(tx, input.projectId))) throw new AppError("not_found", { en: `no project with id ${input.projectId}`, zh: "项目不存在" });
    const result: ImportResult = { groupings: 0, stages: 0, junctures: 0 };
    for (const g of file.groupings) {
      const scope = parseInput(scopeSchema, { field: g.field, value: g.value });
      const k: ScopeKey = { projectId: input.projectId, scopeField: scope.field, scopeValue: scope.value };
      if (input.replace) await clearScope(tx, k);
      for (const s of g.stages) {
        const st = parseInput(stageInputSchema, s);
        await insertStage(tx, {
          ...k,
          nameZh: st.nameZh,
          nameEn: st.nameEn,
          startYear: st.start.year,
          startMonth: st.start.month ?? null,
          endYear: st.end?.year ?? null,
          endMonth: st.end?.month ?? null,
          strategies: JSON.stringify(st.strategies),
          createdBy: input.actor,
          updatedBy: input.actor,
        });
      }
      for (const j of g.junctures) {
        const ju = parseInput(junctureInputSchema, j);
        await insertJuncture(tx, { ...k, year: ju.date.year, month: ju.date.month ?? null, titleZh: ju.titleZh, titleEn: ju.titleEn, type: ju.type, description: ju.description, createdBy: input.actor, updatedBy: input.actor });
      }
      await assertScope(tx, k);
      await recordPeriodChange(tx, { ...k, entity: "stage", entityId: "", action: "import", actor: input.actor, detail: { stages: g.stages.length, junctures: g.junctures.length, replace: !!input.replace } });
      result.groupings++;
      result.stages += g.stages.length;
      result.junctures += g.junctures.length;
    }
    return result;
  });
}

async function clearScope(tx: DbTx, k: ScopeKey): Promise<void> {
  await tx.stage.deleteMany({ where: k });
  await tx.juncture.deleteMany({ where: k });
}

async function assertScope(tx: DbTx, k: ScopeKey): Promise<void> {
  const [stages, junctures] = await Promise.all([stagesInScope(tx, k), juncturesInScope(tx, k)]);
  const problems = periodProblems(
    stages.map((s) => ({ name: s.nameZh || s.nameEn, start: { year: s.startYear, month: s.startMonth }, end: s.endYear == null ? null : { year: s.endYear, month: s.endMonth } })),
    junctures.map((j) => ({ title: j.titleZh || j.titleEn, date: { year: j.year, month: j.month } })),
  );
  if (problems.length > 0) {
    throw new AppError("conflict", {
      en: `${k.scopeValue}: ${problems.map((p) => p.text.en).join("; ")}; nothing was imported`,
      zh: `${k.scopeValue}：${problems.map((p) => p.text.zh).join("；")}；未导入任何内容`,
    });
  }
}

const dateOut = (d: PeriodDate) => formatPeriodDate(d);

/** The project's periods (all groupings, or the filtered ones) as a periods file. */
export async function exportPeriods(db: Db, projectId: string, filter: { field?: string; value?: string } = {}): Promise<PeriodsFile> {
  return toPeriodsFile(await listPeriods(db, projectId, filter));
}

export function toPeriodsFile(scopes: readonly ScopePeriods[]): PeriodsFile {
  return {
    format: "juncture-periods",
    version: 1,
    groupings: scopes.map((s) => ({
      field: s.scope.field,
      value: s.scope.value,
      stages: s.stages.map((st) => ({ nameZh: st.nameZh, nameEn: st.nameEn, start: dateOut(st.start), end: st.end ? dateOut(st.end) : null, strategies: st.strategies })),
      junctures: s.junctures.map((j) => ({ date: dateOut(j.date), titleZh: j.titleZh, titleEn: j.titleEn, type: j.type, description: j.description })),
    })),
  };
}

/** CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right), one row per stage or juncture. */
export function periodsToCsv(file: PeriodsFile): string {
  const rows: string[][] = [];
  for (const g of file.groupings) {
    for (const s of g.stages ?? []) {
      rows.push([g.field, g.value, "stage", String(s.start), s.end == null ? "" : String(s.end), s.nameZh ?? "", s.nameEn ?? "", "", (s.strategies ?? []).join(STRATEGY_SEPARATOR), ""]);
    }
    for (const j of g.junctures ?? []) {
      rows.push([g.field, g.value, "juncture", String(j.date), "", j.titleZh ?? "", j.titleEn ?? "", j.type ?? "other", "", j.description ?? ""]);
    }
  }
  return "\uFEFF" + stringifyCsv([[...CSV_COLUMNS], ...rows]);
}

const TYPE_LABEL: Record<Locale, Record<string, string>> = {
  en: { "plan-approved": "plan approved", designation: "designation", reform: "reform", "flagship-project": "flagship project", "leadership-change": "leadership change", other: "other" },
  zh: { "plan-approved": "规划批复", designation: "设立/命名", reform: "改革", "flagship-project": "重大项目", "leadership-change": "领导更替", other: "其他" },
};

/** Markdown in the layout of Table 4.1: per grouping, stage → juncture → stage …, in one language. */
export function periodsToMarkdown(scopes: readonly ScopePeriods[], locale: Locale): string {
  const name = (zh: string, en: string) => (locale === "zh" ? zh || en : en || zh);
  const out: string[] = [locale === "zh" ? "# 阶段与关键节点" : "# Stages and critical junctures", ""];
  for (const s of scopes) {
    out.push(`## ${s.scope.value}`, "");
    const events = [
      ...s.stages.map((st) => ({ at: st.start.year * 12 + (st.start.month ?? 1), stage: st, juncture: null })),
      ...s.junctures.map((j) => ({ at: j.date.year * 12 + (j.date.month ?? 1) - 0.5, stage: null, juncture: j })),
    ].sort((a, b) => a.at - b.at);
    for (const e of events) {
      if (e.stage) {
        out.push(`**${formatSpan(e.stage.start, e.stage.end)} ${name(e.stage.nameZh, e.stage.nameEn)}**`, "");
        for (const b of e.stage.strategies) out.push(`- ${b}`);
        if (e.stage.strategies.length) out.push("");
      } else if (e.juncture) {
        const j = e.juncture;
        out.push(`→ *${formatPeriodDate(j.date)} ${name(j.titleZh, j.titleEn)}* (${TYPE_LABEL[locale][j.type] ?? j.type})${j.description ? ` — ${j.description}` : ""}`, "");
      }
    }
  }
  return out.join("\n").trimEnd() + "\n";
}

