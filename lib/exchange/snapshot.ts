/**
 * What an export reads: one project's documents, sentence units, codebook, codings, memos,
 * consensus decisions and periods, narrowed by the filters of the analysis views. Filters
 * name codes (short name or id; a code selects its subtree), documents (id or title) and
 * coders (name or id); an unknown name is refused rather than silently exporting nothing.
 */
import type { Db } from "../db/client";
import {
  findExchangeProject,
  findUsersByNameOrId,
  listExchangeCodeGroups,
  listExchangeCodes,
  listExchangeCodings,
  listExchangeConsensus,
  listExchangeDocuments,
  listExchangeMemos,
  listExchangeUnits,
  listExchangeUsers,
} from "../db/exchange";
import { AppError } from "../errors";
import { listPeriods } from "../periods";

export type ExportFilters = { codes?: string[]; documents?: string[]; coders?: string[] };

type Awaited2<T> = T extends Promise<infer U> ? U : T;
export type ExportProject = NonNullable<Awaited2<ReturnType<typeof findExchangeProject>>>;
export type ExportDocument = Awaited2<ReturnType<typeof listExchangeDocuments>>[number] & { plainText: string };
export type ExportUnit = Awaited2<ReturnType<typeof listExchangeUnits>>[number];
export type ExportCode = Awaited2<ReturnType<typeof listExchangeCodes>>[number];
export type ExportCodeGroup = Awaited2<ReturnType<typeof listExchangeCodeGroups>>[number];
export type ExportCoding = Awaited2<ReturnType<typeof listExchangeCodings>>[number];
export type ExportMemo = Awaited2<ReturnType<typeof listExchangeMemos>>[number];

/** The document metadata fields every tabular export carries, in column order. */
export const METADATA_FIELDS = [
  "region",
  "province",
  "city",
  "issuer",
  "level",
  "docType",
  "year",
  "date",
  "language",
  "sourceRef",
  "originalFilename",
  "format",
  "encoding",
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export type ExportSnapshot = {
  project: ExportProject;
  filters: ExportFilters;
  documents: ExportDocument[];
  /** Sentence units per document id, by position. */
  sentences: Map<string, ExportUnit[]>;
  /** Every code of the project (the codebook is exported whole; filters narrow codings and columns). */
  codes: ExportCode[];
  /** The codes the filter selected (their subtrees), or every code. */
  selectedCodes: ExportCode[];
  codeById: Map<string, ExportCode>;
  /** "parent / child / grandchild" by short names. */
  codePath: (codeId: string) => string;
  groups: ExportCodeGroup[];
  codings: ExportCoding[];
  memos: ExportMemo[];
  users: { id: string; name: string }[];
};

const empty = (list?: string[]) => !list || list.length === 0;

function subtreeIds(codes: ExportCode[], roots: string[]): string[] {
  const children = new Map<string | null, string[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!; // length checked
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}

/** Codes depth first (each parent followed by its subtree), siblings by sort order then name. */
function treeOrder(codes: ExportCode[]): ExportCode[] {
  const known = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, ExportCode[]>();
  for (const c of codes) {
    const p = c.parentId && known.has(c.parentId) ? c.parentId : null;
    children.set(p, [...(children.get(p) ?? []), c]);
  }
  const out: ExportCode[] = [];
  const visit = (p: string | null) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return out;
}

function unknown(what: { en: string; zh: string }, names: string[]): AppError {
  return new AppError("invalid_input", { en: `unknown ${what.en}: ${names.join(", ")}`, zh: `未知的${what.zh}：${names.join("、")}` });
}

/** Loads what an export needs. `withUnits` = false skips sentence units (the REFI-QDA exports do not use them). */
export async function loadSnapshot(db: Db, projectId: string, filters: ExportFilters = {}, withUnits = true): Promise<ExportSnapshot> {
  const project = await findExchangeProject(db, projectId);
  if (!project) throw new AppError("not_found", { en: `project ${projectId} not found`, zh: "项目不存在" });
  const codes = treeOrder(await listExchangeCodes(db, projectId));
  const codeById = new Map(codes.map((c) => [c.id, c]));

  let codeIds: string[] | undefined;
  if (!empty(filters.codes)) {
    const byName = new Map(codes.map((c) => [c.shortName, c.id]));
    const roots = filters.codes!.map((k) => (codeById.has(k) ? k : byName.get(k)));
    const missing = filters.codes!.filter((_, i) => roots[i] === undefined);
    if (missing.length) throw unknown({ en: "code", zh: "代码" }, missing);
    codeIds = subtreeIds(codes, roots as string[]);
  }

  let documentIds: string[] | undefined;
  if (!empty(filters.documents)) {
    const all = await listExchangeDocuments(db, { projectId }, false);
    const ids = new Set<string>();
    const missing: string[] = [];
    for (const k of filters.documents!) {
      const hits = all.filter((d) => d.id === k || d.title === k);
      if (hits.length === 0) missing.push(k);
      for (const h of hits) ids.add(h.id);
    }
    if (missing.length) throw unknown({ en: "document", zh: "文档" }, missing);
    documentIds = [...ids];
  }

  let coderIds: string[] | undefined;
  if (!empty(filters.coders)) {
    const found = await findUsersByNameOrId(db, filters.coders!);
    const missing = filters.coders!.filter((k) => !found.some((u) => u.id === k || u.name === k));
    if (missing.length) throw unknown({ en: "coder", zh: "编码者" }, missing);
    coderIds = found.map((u) => u.id);
  }

  const q = { projectId, documentIds, codeIds, coderIds };
  const documents = (await listExchangeDocuments(db, q, true)) as ExportDocument[];
  const units = withUnits ? await listExchangeUnits(db, documents.map((d) => d.id), "sentence") : [];
  const sentences = new Map<string, ExportUnit[]>();
  for (const u of units) {
    const list = sentences.get(u.documentId);
    if (list) list.push(u);
    else sentences.set(u.documentId, [u]);
  }
  const [groups, codings, memos, users] = await Promise.all([
    listExchangeCodeGroups(db, projectId),
    listExchangeCodings(db, q),
    listExchangeMemos(db, projectId),
    listExchangeUsers(db, projectId),
  ]);

  const paths = new Map<string, string>();
  const codePath = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let c = codeById.get(id); c && !seen.has(c.id); c = c.parentId ? codeById.get(c.parentId) : undefined) {
      seen.add(c.id);
      names.unshift(c.shortName);
    }
    const path = names.join(" / ");
    paths.set(id, path);
    return path;
  };
  const selected = codeIds ? new Set(codeIds) : null;
  return {
    project,
    filters,
    documents,
    sentences,
    codes,
    selectedCodes: selected ? codes.filter((c) => selected.has(c.id)) : codes,
    codeById,
    codePath,
    groups,
    codings,
    memos,
    users,
  };
}

/** Consensus decisions and periods, read only for the JSON export. */
export async function loadProjectExtras(db: Db, projectId: string) {
  const [consensus, periods] = await Promise.all([listExchangeConsensus(db, projectId), listPeriods(db, projectId)]);
  return { consensus, periods };
}
