/**
 * Stages and critical junctures of a document grouping (a mega-region, a province, a city):
 * read them, change them one at a time with the version the editor saw, attach evidence.
 * Every change is checked against the rules of the whole grouping (validate-periods.ts)
 * inside the transaction that makes it, so a refused change saves nothing; every change is
 * logged with who made it and when.
 */
import type { Db } from "../db/client";
import {
  deleteEvidenceRow,
  deleteJunctureIfVersion,
  deleteStageIfVersion,
  documentText,
  evidenceTargets,
  findEvidence,
  findJuncture,
  findStage,
  insertEvidence,
  insertJuncture,
  insertStage,
  juncturesInScope,
  periodScopes,
  recordPeriodChange,
  stagesInScope,
  touchJuncture,
  updateJunctureIfVersion,
  updateStageIfVersion,
  type JunctureRow,
  type ScopeKey,
  type StageRow,
} from "../db/periods";
import { inTransaction, projectExists, type DbTx } from "../db/shared";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import type { PeriodDate } from "./period-dates";
import {
  evidenceInputSchema,
  junctureInputSchema,
  juncturePatchSchema,
  scopeSchema,
  stageInputSchema,
  stagePatchSchema,
  type EvidenceInput,
  type JunctureInput,
  type JuncturePatch,
  type JunctureType,
  type Scope,
  type StageInput,
  type StagePatch,
} from "./schemas";
import { periodProblems, sortStages } from "./validate-periods";

export type StageView = {
  id: string;
  scope: Scope;
  nameZh: string;
  nameEn: string;
  start: PeriodDate;
  end: PeriodDate | null;
  strategies: string[];
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
};

export type EvidenceView = {
  id: string;
  kind: string;
  targetId: string;
  start: number | null;
  end: number | null;
  note: string;
  /** A title, or a code and quote, to show; "" when the target is gone. */
  label: string;
  /** The document to open in the reader (codings, documents, passages). */
  documentId: string | null;
  missing: boolean;
};

export type JunctureView = {
  id: string;
  scope: Scope;
  date: PeriodDate;
  titleZh: string;
  titleEn: string;
  type: JunctureType;
  description: string;
  evidence: EvidenceView[];
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
};

export type ScopePeriods = { scope: Scope; stages: StageView[]; junctures: JunctureView[] };

const keyOf = (projectId: string, s: Scope): ScopeKey => ({ projectId, scopeField: s.field, scopeValue: s.value });
const scopeOf = (r: { scopeField: string; scopeValue: string }): Scope => ({ field: r.scopeField as Scope["field"], value: r.scopeValue });

function parseStrategies(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function toStageView(r: StageRow): StageView {
  return {
    id: r.id,
    scope: scopeOf(r),
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    start: { year: r.startYear, month: r.startMonth },
    end: r.endYear == null ? null : { year: r.endYear, month: r.endMonth },
    strategies: parseStrategies(r.strategies),
    version: r.version,
    createdBy: r.createdBy,
    updatedBy: r.updatedBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toJunctureView(r: JunctureRow, targets: Awaited<ReturnType<typeof evidenceTargets>>): JunctureView {
  return {
    id: r.id,
    scope: scopeOf(r),
    date: { year: r.year, month: r.month },
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    type: r.type as JunctureType,
    description: r.description,
    evidence: r.evidence.map((e) => {
      const t = targets.get(`${e.kind}:${e.targetId}`);
      return {
        id: e.id,
        kind: e.kind,
        targetId: e.targetId,
        start: e.start ?? t?.start ?? null,
        end: e.end ?? t?.end ?? null,
        note: e.note,
        label: t?.label ?? "",
        documentId: t?.documentId ?? null,
        missing: !t,
      };
    }),
    version: r.version,
    createdBy: r.createdBy,
    updatedBy: r.updatedBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const stageName = (s: { nameZh: string; nameEn: string }) => s.nameZh || s.nameEn;
const junctureTitle = (j: { titleZh: string; titleEn: string }) => j.titleZh || j.titleEn;

/** Refuses the state a change would leave a grouping in, with every rule it breaks. */
async function assertConsistent(tx: DbTx, k: ScopeKey): Promise<void> {
  const [stages, junctures] = await Promise.all([stagesInScope(tx, k), juncturesInScope(tx, k)]);
  const problems = periodProblems(
    stages.map((s) => { const v = toStageView(s); return { id: v.id, name: stageName(v), start: v.start, end: v.end }; }),
    junctures.map((j) => ({ id: j.id, title: junctureTitle(j), date: { year: j.year, month: j.month } })),
  );
  if (problems.length > 0) {
    throw new AppError(
      "conflict",
      { en: `${k.scopeValue}: ${problems.map((p) => p.text.en).join("; ")}; nothing was saved`, zh: `${k.scopeValue}：${problems.map((p) => p.text.zh).join("；")}；未保存任何更改` },
      { problems: problems.map((p) => p.kind) },
    );
  }
}

function staleError(what: "stage" | "juncture", id: string): AppError {
  return what === "stage"
    ? new AppError("conflict", { en: "this stage was changed by someone else since you loaded it; reload and try again", zh: "该阶段已被他人修改，请刷新后重试" }, { id })
    : new AppError("conflict", { en: "this juncture was changed by someone else since you loaded it; reload and try again", zh: "该关键节点已被他人修改，请刷新后重试" }, { id });
}

const notFound = (what: "stage" | "juncture" | "evidence", id: string) =>
  new AppError("not_found", {
    en: `${what} ${id} not found`,
    zh: what === "stage" ? "未找到该阶段" : what === "juncture" ? "未找到该关键节点" : "未找到该证据",
  });

async function assertProject(db: Db | DbTx, projectId: string): Promise<void> {
  if (!(await projectExists(db, projectId))) throw new AppError("not_found", { en: `no project with id ${projectId}`, zh: "项目不存在" });
}

/** Every grouping's stages and junctures (or one grouping's, or one field's), stages by date. */
export async function listPeriods(db: Db, projectId: string, filter: { field?: string; value?: string } = {}): Promise<ScopePeriods[]> {
  await assertProject(db, projectId);
  const scopes = await periodScopes(db, projectId, filter.field, filter.value);
  return Promise.all(scopes.map((s) => loadScope(db, { projectId, ...s })));
}

async function loadScope(db: Db | DbTx, k: ScopeKey): Promise<ScopePeriods> {
  const [stages, junctures] = await Promise.all([stagesInScope(db, k), juncturesInScope(db, k)]);
  const targets = await evidenceTargets(db, k.projectId, junctures.flatMap((j) => j.evidence));
  return {
    scope: scopeOf(k),
    stages: sortStages(stages.map(toStageView)),
    junctures: junctures.map((j) => toJunctureView(j, targets)),
  };
}

export async function getScopePeriods(db: Db, projectId: string, scope: Scope): Promise<ScopePeriods> {
  await assertProject(db, projectId);
  return loadScope(db, keyOf(projectId, parseInput(scopeSchema, scope)));
}

const stageData = (s: ReturnType<typeof stageInputSchema.parse>) => ({
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  startYear: s.start.year,
  startMonth: s.start.month ?? null,
  endYear: s.end?.year ?? null,
  endMonth: s.end?.month ?? null,
  strategies: JSON.stringify(s.strategies),
});

export async function createStage(db: Db, input: { projectId: string; scope: Scope; stage: StageInput; actor: string }): Promise<StageView> {
  const scope = parseInput(scopeSchema, input.scope);
  const stage = parseInput(stageInputSchema, input.stage);
  const k = keyOf(input.projectId, scope);
  return inTransaction(db, async (tx) => {
    await assertProject(tx, input.projectId);
    const row = await insertStage(tx, { ...k, ...stageData(stage), createdBy: input.actor, updatedBy: input.actor });
    await assertConsistent(tx, k);
    const view = toStageView(row);
    await recordPeriodChange(tx, { ...k, entity: "stage", entityId: row.id, action: "create", actor: input.actor, detail: { after: view } });
    return view;
  });
}

export async function updateStage(db: Db, input: { id: string; version: number; patch: StagePatch; actor: string }): Promise<StageView> {
  const p = parseInput(stagePatchSchema, input.patch);
  return inTransaction(db, async (tx) => {
    const row = await findStage(tx, input.id);
    if (!row) throw notFound("stage", input.id);
    if (row.version !== input.version) throw staleError("stage", input.id);
    const before = toStageView(row);
    const merged = parseInput(stageInputSchema, {
      nameZh: p.nameZh ?? before.nameZh,
      nameEn: p.nameEn ?? before.nameEn,
      start: p.start ?? before.start,
      end: p.end === undefined ? before.end : p.end,
      strategies: p.strategies ?? before.strategies,
    });
    if ((await updateStageIfVersion(tx, input.id, input.version, { ...stageData(merged), updatedBy: input.actor })) === 0) throw staleError("stage", input.id);
    const k = { projectId: row.projectId, scopeField: row.scopeField, scopeValue: row.scopeValue };
    await assertConsistent(tx, k);
    const after = toStageView((await findStage(tx, input.id))!);
    await recordPeriodChange(tx, { ...k, entity: "stage", entityId: row.id, action: "update", actor: input.actor, detail: { before, after } });
    return after;
  });
}

export async function deleteStage(db: Db, input: { id: string; version: number; actor: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await findStage(tx, input.id);
    if (!row) throw notFound("stage", input.id);
    if ((await deleteStageIfVersion(tx, input.id, input.version)) === 0) throw staleError("stage", input.id);
    const k = { projectId: row.projectId, scopeField: row.scopeField, scopeValue: row.scopeValue };
    // A juncture left before the first stage (or alone) would be refused here.
    await assertConsistent(tx, k);
    await recordPeriodChange(tx, { ...k, entity: "stage", entityId: row.id, action: "delete", actor: input.actor, detail: { before: toStageView(row) } });
  });
}

const junctureData = (j: ReturnType<typeof junctureInputSchema.parse>) => ({
  year: j.date.year,
  month: j.date.month ?? null,
  titleZh: j.titleZh,
  titleEn: j.titleEn,
  type: j.type,
  description: j.description,
});

async function junctureView(tx: Db | DbTx, id: string): Promise<JunctureView> {
  const row = (await findJuncture(tx, id))!;
  return toJunctureView(row, await evidenceTargets(tx, row.projectId, row.evidence));
}

export async function createJuncture(db: Db, input: { projectId: string; scope: Scope; juncture: JunctureInput; actor: string }): Promise<JunctureView> {
  const scope = parseInput(scopeSchema, input.scope);
  const j = parseInput(junctureInputSchema, input.juncture);
  const k = keyOf(input.projectId, scope);
  return inTransaction(db, async (tx) => {
    await assertProject(tx, input.projectId);
    const row = await insertJuncture(tx, { ...k, ...junctureData(j), createdBy: input.actor, updatedBy: input.actor });
    await assertConsistent(tx, k);
    const view = await junctureView(tx, row.id);
    await recordPeriodChange(tx, { ...k, entity: "juncture", entityId: row.id, action: "create", actor: input.actor, detail: { after: view } });
    return view;
  });
}

export async function updateJuncture(db: Db, input: { id: string; version: number; patch: JuncturePatch; actor: string }): Promise<JunctureView> {
  const p = parseInput(juncturePatchSchema, input.patch);
  return inTransaction(db, async (tx) => {
    const row = await findJuncture(tx, input.id);
    if (!row) throw notFound("juncture", input.id);
    if (row.version !== input.version) throw staleError("juncture", input.id);
    const before = await junctureView(tx, input.id);
    const merged = parseInput(junctureInputSchema, {
      date: p.date ?? before.date,
      titleZh: p.titleZh ?? before.titleZh,
      titleEn: p.titleEn ?? before.titleEn,
      type: p.type ?? before.type,
      description: p.description ?? before.description,
    });
    if ((await updateJunctureIfVersion(tx, input.id, input.version, { ...junctureData(merged), updatedBy: input.actor })) === 0) {
      throw staleError("juncture", input.id);
    }
    const k = { projectId: row.projectId, scopeField: row.scopeField, scopeValue: row.scopeValue };
    await assertConsistent(tx, k);
    const after = await junctureView(tx, input.id);
    await recordPeriodChange(tx, { ...k, entity: "juncture", entityId: row.id, action: "update", actor: input.actor, detail: { before, after } });
    return after;
  });
}

export async function deleteJuncture(db: Db, input: { id: string; version: number; actor: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await findJuncture(tx, input.id);
    if (!row) throw notFound("juncture", input.id);
    const before = await junctureView(tx, input.id);
    if ((await deleteJunctureIfVersion(tx, input.id, input.version)) === 0) throw staleError("juncture", input.id);
    const k = { projectId: row.projectId, scopeField: row.scopeField, scopeValue: row.scopeValue };
    await recordPeriodChange(tx, { ...k, entity: "juncture", entityId: row.id, action: "delete", actor: input.actor, detail: { before } });
  });
}

/** Attaches a coding, document, memo or passage of the same project to a juncture. */
export async function addEvidence(db: Db, input: { junctureId: string; evidence: EvidenceInput; actor: string }): Promise<JunctureView> {
  const e = parseInput(evidenceInputSchema, input.evidence);
  return inTransaction(db, async (tx) => {
    const j = await findJuncture(tx, input.junctureId);
    if (!j) throw notFound("juncture", input.junctureId);
    const found = await evidenceTargets(tx, j.projectId, [e]);
    if (!found.has(`${e.kind}:${e.targetId}`)) {
      throw new AppError("not_found", { en: `no ${e.kind} ${e.targetId} in this project`, zh: `本项目中没有该${kindZh(e.kind)}` });
    }
    if (e.kind === "passage") {
      const text = await documentText(tx, j.projectId, e.targetId);
      const length = text === null ? 0 : Array.from(text).length;
      if (e.end! > length) {
        throw new AppError("invalid_input", { en: `the passage ends at ${e.end}, after the document's end (${length})`, zh: `段落结束位置 ${e.end} 超出文档长度（${length}）` });
      }
    }
    if (j.evidence.some((x) => x.kind === e.kind && x.targetId === e.targetId && (x.start ?? null) === (e.start ?? null) && (x.end ?? null) === (e.end ?? null))) {
      throw new AppError("conflict", { en: "this evidence is already attached to the juncture", zh: "该证据已关联到此关键节点" });
    }
    const row = await insertEvidence(tx, {
      junctureId: j.id,
      kind: e.kind,
      targetId: e.targetId,
      start: e.start ?? null,
      end: e.end ?? null,
      note: e.note,
      createdBy: input.actor,
    });
    await touchJuncture(tx, j.id, input.actor);
    const k = { projectId: j.projectId, scopeField: j.scopeField, scopeValue: j.scopeValue };
    await recordPeriodChange(tx, { ...k, entity: "evidence", entityId: row.id, action: "create", actor: input.actor, detail: { after: { junctureId: j.id, ...e } } });
    return junctureView(tx, j.id);
  });
}

export async function removeEvidence(db: Db, input: { id: string; actor: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const e = await findEvidence(tx, input.id);
    if (!e) throw notFound("evidence", input.id);
    await deleteEvidenceRow(tx, input.id);
    await touchJuncture(tx, e.junctureId, input.actor);
    const { juncture, ...row } = e;
    await recordPeriodChange(tx, { ...juncture, entity: "evidence", entityId: e.id, action: "delete", actor: input.actor, detail: { before: row } });
  });
}

const kindZh = (k: string) => ({ coding: "编码", document: "文档", memo: "备忘", passage: "文档" })[k] ?? k;

/**
 * Copies one grouping's stages and junctures (without evidence, which points into the
 * source's documents) to another, e.g. a national periodization to each mega-region; the
 * copy must fit what the target already has, else nothing is copied.
 */
export async function copyPeriods(db: Db, input: { projectId: string; from: Scope; to: Scope; actor: string }): Promise<ScopePeriods> {
  const from = keyOf(input.projectId, parseInput(scopeSchema, input.from));
  const to = keyOf(input.projectId, parseInput(scopeSchema, input.to));
  if (from.scopeField === to.scopeField && from.scopeValue === to.scopeValue) {
    throw new AppError("invalid_input", { en: "copy to another grouping than the source", zh: "请复制到与来源不同的分组" });
  }
  return inTransaction(db, async (tx) => {
    await assertProject(tx, input.projectId);
    const [stages, junctures] = await Promise.all([stagesInScope(tx, from), juncturesInScope(tx, from)]);
    if (stages.length === 0 && junctures.length === 0) {
      throw new AppError("not_found", { en: `${from.scopeValue} has no stages or junctures to copy`, zh: `${from.scopeValue} 没有可复制的阶段或关键节点` });
    }
    const by = { createdBy: input.actor, updatedBy: input.actor };
    for (const s of stages) {
      const { nameZh, nameEn, startYear, startMonth, endYear, endMonth, strategies } = s;
      await insertStage(tx, { ...to, nameZh, nameEn, startYear, startMonth, endYear, endMonth, strategies, ...by });
    }
    for (const j of junctures) {
      const { year, month, titleZh, titleEn, type, description } = j;
      await insertJuncture(tx, { ...to, year, month, titleZh, titleEn, type, description, ...by });
    }
    await assertConsistent(tx, to);
    await recordPeriodChange(tx, { ...to, entity: "stage", entityId: "", action: "copy", actor: input.actor, detail: { from: { field: from.scopeField, value: from.scopeValue }, stages: stages.length, junctures: junctures.length } });
    return loadScope(tx, to);
  });
}
