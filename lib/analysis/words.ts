/**
 * Chinese word frequencies and keyness, from the jieba tokens stored on each sentence unit.
 *
 * What is counted: the tokens of the sentence units in scope — the (filtered) documents'
 * sentences; with a code (or code group), the sentences a coding of it or of a descendant
 * touches, each sentence once however many codings it carries (a coding over two sentences
 * counts both, as in code frequencies); with a search, the sentences with a hit. A token
 * counts unless it is a stop word (the built-in list with the project's edits), shorter than
 * the minimum length (code points; default 2, which drops single characters such as 的), or
 * only digits, punctuation and symbols. "Tokens" (the denominator of per 10,000 and of
 * keyness) are the tokens that count, so the table's counts add up to it.
 *
 * A scope of whole documents (filters only: no code, no search) reads each document's raw word
 * counts, stored on its first such query (DocumentWordCounts), instead of every token again;
 * the table is the same either way.
 */
import { findDocumentBriefs } from "../db/analysis";
import type { Db } from "../db/client";
import { findDocumentTexts } from "../db/documents";
import type { AnalysisScopeSql } from "../db/analysis";
import {
  deleteStopWordEdits,
  insertDocumentWordCounts,
  listStopWordEdits,
  queryDocumentTokens,
  queryDocumentWordCounts,
  queryScopeDocumentIds,
  queryWordUnits,
  upsertStopWordEdits,
  type WordUnitRow,
} from "../db/words";
import { projectExists } from "../db/shared";
import { AppError } from "../errors";
import { searchCorpus } from "../search";
import { MAX_PAGE } from "../search/schemas";
import { OffsetMap } from "../text/offsets";
import { TOKEN_SEP } from "../text/tokens";
import { keyness } from "./keyness";
import { parseFilterSpec, resolveScope, type AnalysisFilters, type AnalysisScopeInput, type ResolvedScope } from "./scope";
import { BUILT_IN_STOP_WORDS } from "./stopwords-zh";

export { BUILT_IN_STOP_WORDS };

/** G² critical values at one degree of freedom. */
export const KEYNESS_THRESHOLDS = [
  { p: 0.05, g2: 3.84 },
  { p: 0.01, g2: 6.63 },
  { p: 0.001, g2: 10.83 },
  { p: 0.0001, g2: 15.13 },
] as const;
/** The threshold the tables mark words by. */
export const KEYNESS_SIGNIFICANT = 3.84;

export const SEARCH_SCOPE_MODES = ["substring", "word", "regex"] as const;

/** A group of sentence units: the analysis scope narrowed by a code and/or a search. */
export type WordScope = AnalysisScopeInput & {
  /** A search query (lib/search syntax): only the sentences with a hit. */
  query?: string;
  queryMode?: (typeof SEARCH_SCOPE_MODES)[number];
  /** Sentences of this group are left out (the "rest" of a comparison). */
  except?: { filters?: AnalysisFilters; codes?: string; query?: string };
};

export type WordOptions = {
  /** Shortest word counted, in characters (code points); default 2. */
  minLength?: number;
  /** Rows returned (default 100); totals always count every word. */
  top?: number;
};

export type WordRow = {
  word: string;
  count: number;
  /** count per 10,000 counted tokens of the scope. */
  per10k: number;
  /** Documents with at least one occurrence. */
  documents: number;
};

export type WordTable = {
  /** Counted tokens (after stop words, minimum length, numbers and punctuation). */
  tokens: number;
  /** Distinct words among them. */
  types: number;
  /** Sentence units and documents read. */
  units: number;
  documents: number;
  minLength: number;
  words: WordRow[];
};

const NOT_A_WORD = /^[\p{P}\p{S}\p{N}\p{Z}\s]+$/u;

/** The project's effective stop words: the built-in list, plus its additions, minus its removals. */
export async function projectStopWords(db: Db, projectId: string): Promise<Set<string>> {
  const set = new Set(BUILT_IN_STOP_WORDS);
  for (const e of await listStopWordEdits(db, projectId)) {
    if (e.removed) set.delete(e.word);
    else set.add(e.word);
  }
  return set;
}

export type StopWordList = {
  /** The effective list, sorted. */
  words: string[];
  /** The project's additions and removals against the built-in list. */
  added: string[];
  removed: string[];
  builtIn: number;
};

export async function listStopWords(db: Db, projectId: string): Promise<StopWordList> {
  await requireProject(db, projectId);
  const edits = await listStopWordEdits(db, projectId);
  const words = [...(await projectStopWords(db, projectId))].sort((a, b) => a.localeCompare(b, "zh"));
  return {
    words,
    added: edits.filter((e) => !e.removed).map((e) => e.word),
    removed: edits.filter((e) => e.removed).map((e) => e.word),
    builtIn: BUILT_IN_STOP_WORDS.length,
  };
}

/**
 * Adds words to or removes them from a project's stop words. An edit that brings a word back
 * to its built-in state forgets the edit, so "added" and "removed" stay the real differences.
 */
export async function editStopWords(db: Db, projectId: string, edit: { add?: string[]; remove?: string[] }): Promise<StopWordList> {
  await requireProject(db, projectId);
  const clean = (ws: string[] | undefined) => [...new Set((ws ?? []).map((w) => w.trim()).filter((w) => w !== ""))];
  const add = clean(edit.add);
  const remove = clean(edit.remove);
  const both = add.find((w) => remove.includes(w));
  if (both !== undefined) {
    throw new AppError("invalid_input", { en: `"${both}" cannot be both added and removed`, zh: `"${both}"不能同时添加和移除` });
  }
  const tooLong = [...add, ...remove].find((w) => w.length > 50 || w.includes(TOKEN_SEP));
  if (tooLong !== undefined) {
    throw new AppError("invalid_input", { en: `"${tooLong.slice(0, 60)}" is not a word (at most 50 characters)`, zh: `"${tooLong.slice(0, 60)}"不是词（最多 50 个字符）` });
  }
  const builtIn = new Set(BUILT_IN_STOP_WORDS);
  await db.$transaction(async (tx) => {
    await deleteStopWordEdits(tx, projectId, [...add.filter((w) => builtIn.has(w)), ...remove.filter((w) => !builtIn.has(w))]);
    await upsertStopWordEdits(tx, projectId, add.filter((w) => !builtIn.has(w)), false);
    await upsertStopWordEdits(tx, projectId, remove.filter((w) => builtIn.has(w)), true);
  });
  return listStopWords(db, projectId);
}

async function requireProject(db: Db, projectId: string) {
  if (!(await projectExists(db, projectId))) throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId });
}

/** Sentence units with a hit of a search query (every page of hits). */
async function searchUnitIds(db: Db, projectId: string, query: string, mode: WordScope["queryMode"]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += MAX_PAGE) {
    const r = await searchCorpus(db, projectId, { query, mode: mode ?? "substring", contextChars: 0, limit: MAX_PAGE, offset });
    for (const h of r.hits) ids.add(h.unitId);
    if (offset + MAX_PAGE >= r.total) return ids;
  }
}

const hasQuery = (query: string | undefined) => query !== undefined && query.trim() !== "";

/** The scope whose sentences a scope's `except` leaves out: the base with the excepted group's filters, codes and query. */
function exceptScope(q: WordScope): WordScope | undefined {
  if (!q.except) return undefined;
  const { except, ...rest } = q;
  return { ...rest, filters: { ...q.filters, ...except.filters }, codes: except.codes ?? q.codes, query: except.query ?? q.query };
}

/** The sentence units of a resolved scope (its `except` aside), in document order. */
async function scopeUnits(db: Db, q: WordScope, scope: ResolvedScope): Promise<WordUnitRow[]> {
  const units = await queryWordUnits(db, scope.sql);
  if (!hasQuery(q.query)) return units;
  const hit = await searchUnitIds(db, q.projectId, q.query!, q.queryMode);
  return units.filter((u) => hit.has(u.id));
}

/** Units minus the units of the excepted group. */
function withoutUnits(units: WordUnitRow[], out: readonly WordUnitRow[]): WordUnitRow[] {
  const ids = new Set(out.map((u) => u.id));
  return units.filter((u) => !ids.has(u.id));
}

/** A word scope resolved, with the group its `except` leaves out (resolved too). */
type ResolvedWordScope = { scope: ResolvedScope; except?: { q: WordScope; scope: ResolvedScope } };

async function resolveWordScope(db: Db, q: WordScope): Promise<ResolvedWordScope> {
  // Word units are read without joining codings to sentences by the unit bound.
  const scope = await resolveScope(db, q, { unitBounds: false });
  const ex = exceptScope(q);
  return { scope, except: ex && { q: ex, scope: await resolveScope(db, ex, { unitBounds: false }) } };
}

/** The sentence units of a resolved word scope, minus those of its excepted group. */
async function unitsOf(db: Db, q: WordScope, r: ResolvedWordScope): Promise<WordUnitRow[]> {
  const units = await scopeUnits(db, q, r.scope);
  return r.except ? withoutUnits(units, await scopeUnits(db, r.except.q, r.except.scope)) : units;
}

/** The sentence units of a word scope, in document order. */
export async function wordUnits(db: Db, q: WordScope): Promise<WordUnitRow[]> {
  return unitsOf(db, q, await resolveWordScope(db, q));
}

/**
 * Whether a resolved scope takes whole documents: every sentence of the documents its filters
 * select. Codes (with or without coders, consensus or a blind round) select sentences by their
 * codings, and a search by its hits; coders, consensus and blind rounds without codes select
 * nothing (queryWordUnits applies them only to codings), so such scopes still qualify.
 */
const takesWholeDocuments = (q: WordScope, scope: ResolvedScope) => scope.sql.codeIds === undefined && !hasQuery(q.query);

/** What a word scope counts: sentence units, or (whole documents) the documents' cached word counts. */
type WordSource = { kind: "units"; units: WordUnitRow[] } | { kind: "documents"; documents: DocumentCounts[] };

async function wordSource(db: Db, q: WordScope, cache: boolean): Promise<WordSource> {
  const r = await resolveWordScope(db, q);
  if (cache && takesWholeDocuments(q, r.scope) && (!r.except || takesWholeDocuments(r.except.q, r.except.scope))) {
    return { kind: "documents", documents: await documentCounts(db, r.scope.sql, r.except?.scope.sql) };
  }
  return { kind: "units", units: await unitsOf(db, q, r) };
}

/**
 * The cached word counts of a whole-document scope's documents (minus the excepted group's),
 * counting and storing those without a row first. A document's units never change after import
 * (nothing updates Unit.tokens; documents are only imported, restored or deleted, and a row goes
 * with its document), so a row never goes stale; stop words and the minimum length are applied
 * when rows are merged, so their edits take effect at once.
 */
async function documentCounts(db: Db, scope: AnalysisScopeSql, except: AnalysisScopeSql | undefined): Promise<DocumentCounts[]> {
  let rows = await queryDocumentWordCounts(db, scope);
  if (except) {
    const out = new Set(await queryScopeDocumentIds(db, except));
    rows = rows.filter((r) => !out.has(r.documentId));
  }
  const missing = rows.filter((r) => r.counts === null).map((r) => r.documentId);
  const fresh = new Map<string, DocumentCounts>();
  if (missing.length > 0) {
    const counted = documentWordCounts(missing, await queryDocumentTokens(db, missing));
    await insertDocumentWordCounts(db, counted);
    for (const c of counted) fresh.set(c.documentId, c);
  }
  return rows.map((r) => (r.counts === null ? fresh.get(r.documentId)! : { documentId: r.documentId, units: r.units ?? 0, counts: r.counts }));
}

/** A document's raw word counts as stored: every non-empty token with its count, `token␟count␟token␟count…`. */
export type DocumentCounts = { documentId: string; units: number; counts: string };

/** Raw word counts (before stop words and minimum length) of documents, from their units' tokens ordered by document. */
export function documentWordCounts(documentIds: readonly string[], units: readonly Pick<WordUnitRow, "documentId" | "tokens">[]): DocumentCounts[] {
  const byDoc = new Map<string, { units: number; counts: Map<string, number> }>(documentIds.map((id) => [id, { units: 0, counts: new Map() }]));
  let current: { units: number; counts: Map<string, number> } | undefined;
  let currentId = "";
  for (const u of units) {
    if (u.documentId !== currentId || current === undefined) {
      currentId = u.documentId;
      current = byDoc.get(currentId);
      if (current === undefined) byDoc.set(currentId, (current = { units: 0, counts: new Map() }));
    }
    current.units++;
    if (u.tokens === "") continue;
    const counts = current.counts;
    for (const t of u.tokens.split(TOKEN_SEP)) if (t !== "") counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...byDoc].map(([documentId, d]) => {
    const parts: string[] = [];
    for (const [t, n] of d.counts) parts.push(t, String(n));
    return { documentId, units: d.units, counts: parts.join(TOKEN_SEP) };
  });
}

type Entry = { count: number; documents: number; lastDoc: string };
type Counts = { counts: Map<string, Entry>; tokens: number; documents: number };

/**
 * Verdicts and counts per distinct word in one map (a corpus repeats a few thousand words a
 * million times): a dropped word (stop word, too short, not a word) maps to null, so each
 * token costs one look-up. `entry` gives a kept word's counter, null for a dropped one.
 */
function wordTally(stop: ReadonlySet<string>, minLength: number) {
  const seen = new Map<string, Entry | null>();
  return {
    entry(t: string): Entry | null {
      let c = seen.get(t);
      if (c === undefined) {
        const ok = t !== "" && !stop.has(t) && cpLength(t) >= minLength && !NOT_A_WORD.test(t);
        c = ok ? { count: 0, documents: 0, lastDoc: "" } : null;
        seen.set(t, c);
      }
      return c;
    },
    counts(): Counts["counts"] {
      const out: Counts["counts"] = new Map();
      for (const [t, c] of seen) if (c !== null) out.set(t, c);
      return out;
    },
  };
}

/** Counts the tokens of units (ordered by document) that pass the stop words and the minimum length. */
export function countTokens(units: readonly Pick<WordUnitRow, "documentId" | "tokens">[], stop: ReadonlySet<string>, minLength: number): Counts {
  const tally = wordTally(stop, minLength);
  let tokens = 0;
  let documents = 0;
  let lastDoc = "";
  for (const u of units) {
    const doc = u.documentId;
    if (doc !== lastDoc) {
      documents++;
      lastDoc = doc;
    }
    if (u.tokens === "") continue;
    for (const t of u.tokens.split(TOKEN_SEP)) {
      const c = tally.entry(t);
      if (c === null) continue;
      tokens++;
      c.count++;
      if (c.lastDoc !== doc) {
        c.documents++;
        c.lastDoc = doc;
      }
    }
  }
  return { counts: tally.counts(), tokens, documents };
}

/**
 * The same counts as `countTokens` over the documents' units, from their raw word counts: the
 * verdict (stop word, minimum length, not a word) is per distinct word, so applying it to a
 * word's count gives what applying it to each of its tokens gives.
 */
export function mergeDocumentCounts(documents: readonly Pick<DocumentCounts, "units" | "counts">[], stop: ReadonlySet<string>, minLength: number): Counts {
  const tally = wordTally(stop, minLength);
  let tokens = 0;
  let documentCount = 0;
  for (const d of documents) {
    // As with units: a document counts when it has a sentence, even one without tokens.
    if (d.units > 0) documentCount++;
    if (d.counts === "") continue;
    const parts = d.counts.split(TOKEN_SEP);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const c = tally.entry(parts[i]!);
      if (c === null) continue;
      const n = +parts[i + 1]!;
      tokens += n;
      c.count += n;
      c.documents++; // a word appears once in a document's counts
    }
  }
  return { counts: tally.counts(), tokens, documents: documentCount };
}

/** The counts of a word source, and its number of sentence units. */
function countSource(src: WordSource, stop: ReadonlySet<string>, minLength: number): Counts & { units: number } {
  if (src.kind === "units") return { ...countTokens(src.units, stop, minLength), units: src.units.length };
  return { ...mergeDocumentCounts(src.documents, stop, minLength), units: src.documents.reduce((n, d) => n + d.units, 0) };
}

function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function checkOptions(o: WordOptions): { minLength: number; top: number } {
  const minLength = o.minLength ?? 2;
  const top = o.top ?? 100;
  if (!Number.isInteger(minLength) || minLength < 1 || minLength > 20) {
    throw new AppError("invalid_input", { en: "minimum word length must be a whole number from 1 to 20", zh: "最小词长须为 1 到 20 的整数" });
  }
  if (!Number.isInteger(top) || top < 1 || top > 10_000) {
    throw new AppError("invalid_input", { en: "top must be a whole number from 1 to 10000", zh: "显示词数须为 1 到 10000 的整数" });
  }
  return { minLength, top };
}

/** One collator: localeCompare(…, "zh") builds one per call, which dominates sorting tens of thousands of words. */
const zhCollator = new Intl.Collator("zh");
/** Ties by count are broken by documents, then by the word (Chinese collation), so the order is stable. */
const byWord = (a: string, b: string) => zhCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * How a table is computed: `wordCountCache: false` counts the sentence units' tokens even for a
 * whole-document scope (tests and benchmarks compare the two paths; the results are equal).
 */
export type WordCountOptions = { wordCountCache?: boolean };

export async function wordFrequencies(db: Db, q: WordScope & WordOptions, how: WordCountOptions = {}): Promise<WordTable> {
  const { minLength, top } = checkOptions(q);
  const [src, stop] = await Promise.all([wordSource(db, q, how.wordCountCache !== false), projectStopWords(db, q.projectId)]);
  const c = countSource(src, stop, minLength);
  const words = [...c.counts.entries()]
    .map(([word, v]) => ({ word, count: v.count, per10k: (v.count * 10_000) / c.tokens, documents: v.documents }))
    .sort((a, b) => b.count - a.count || b.documents - a.documents || byWord(a.word, b.word))
    .slice(0, top);
  return { tokens: c.tokens, types: c.counts.size, units: c.units, documents: c.documents, minLength, words };
}

/** One side of a comparison: filters and/or a code (group) on top of the base scope, or the rest of the base scope. */
export type CompareSide = { filters?: AnalysisFilters; codes?: string; query?: string } | "rest";

export type KeynessRow = {
  word: string;
  countA: number;
  countB: number;
  per10kA: number;
  per10kB: number;
  logLikelihood: number;
  logRatio: number;
  overusedIn: "A" | "B" | null;
  /** G² ≥ KEYNESS_SIGNIFICANT (p < 0.05). */
  significant: boolean;
};

export type KeynessTable = {
  a: { label: string; tokens: number; units: number; documents: number };
  b: { label: string; tokens: number; units: number; documents: number };
  minLength: number;
  threshold: number;
  thresholds: typeof KEYNESS_THRESHOLDS;
  /** By G², largest first; the top N. */
  words: KeynessRow[];
};

/**
 * `region=BTH:region=YRD`, `code=COO-3:rest`, `region=BTH,code=CON:region=YRD,code=CON`: two
 * filter specs separated by a colon; `code=` picks a code or code group, `rest` is the base
 * scope without side A.
 */
export function parseCompareSpec(spec: string): { a: CompareSide; b: CompareSide; labels: [string, string] } {
  const parts = spec.split(":");
  if (parts.length !== 2 || parts[0]!.trim() === "" || parts[1]!.trim() === "") {
    throw new AppError("invalid_input", {
      en: `compare "${spec}" must be two groups separated by a colon, e.g. region=BTH:region=YRD or code=COO-3:rest`,
      zh: `比较条件"${spec}"须为冒号分隔的两组，如 region=BTH:region=YRD 或 code=COO-3:rest`,
    });
  }
  const side = (s: string): CompareSide => {
    if (s.trim().toLowerCase() === "rest") return "rest";
    const items = s.split(",").map((x) => x.trim());
    const code = items.filter((x) => /^codes?=/i.test(x)).map((x) => x.slice(x.indexOf("=") + 1).trim());
    const rest = items.filter((x) => !/^codes?=/i.test(x)).join(",");
    if (code.length > 1 || code[0] === "") {
      throw new AppError("invalid_input", { en: `group "${s}": give at most one code`, zh: `分组"${s}"：最多指定一个代码` });
    }
    return { filters: parseFilterSpec(rest), codes: code[0] };
  };
  const a = side(parts[0]!);
  if (a === "rest") throw new AppError("invalid_input", { en: "the first group cannot be rest", zh: "第一组不能是 rest" });
  return { a, b: side(parts[1]!), labels: [parts[0]!.trim(), parts[1]!.trim()] };
}

/** The word scope of one side: the side's filters replace the base's on the same field. */
export function sideScope(base: WordScope, side: CompareSide, other: Exclude<CompareSide, "rest">): WordScope {
  if (side === "rest") return { ...base, except: other };
  return { ...base, filters: { ...base.filters, ...side.filters }, codes: side.codes ?? base.codes, query: side.query ?? base.query };
}

export async function compareWords(
  db: Db,
  q: WordScope & WordOptions & { a: Exclude<CompareSide, "rest">; b: CompareSide; labels?: [string, string] },
  how: WordCountOptions = {},
): Promise<KeynessTable> {
  const { minLength, top } = checkOptions(q);
  const cache = how.wordCountCache !== false;
  const [sa, sb, stop] = await Promise.all([wordSource(db, sideScope(q, q.a, q.a), cache), wordSource(db, sideScope(q, q.b, q.a), cache), projectStopWords(db, q.projectId)]);
  const ca = countSource(sa, stop, minLength);
  const cb = countSource(sb, stop, minLength);
  const info = (c: Counts & { units: number }, label: string) => ({ label, tokens: c.tokens, units: c.units, documents: c.documents });
  const labels = q.labels ?? ["A", "B"];
  const result: KeynessTable = {
    a: info(ca, labels[0]),
    b: info(cb, labels[1]),
    minLength,
    threshold: KEYNESS_SIGNIFICANT,
    thresholds: KEYNESS_THRESHOLDS,
    words: [],
  };
  if (ca.tokens === 0 || cb.tokens === 0) return result;
  const rows: KeynessRow[] = [];
  for (const word of new Set([...ca.counts.keys(), ...cb.counts.keys()])) {
    const countA = ca.counts.get(word)?.count ?? 0;
    const countB = cb.counts.get(word)?.count ?? 0;
    const k = keyness({ countA, countB, totalA: ca.tokens, totalB: cb.tokens });
    rows.push({
      word,
      countA,
      countB,
      per10kA: (countA * 10_000) / ca.tokens,
      per10kB: (countB * 10_000) / cb.tokens,
      ...k,
      significant: k.logLikelihood >= KEYNESS_SIGNIFICANT,
    });
  }
  rows.sort((x, y) => y.logLikelihood - x.logLikelihood || Math.abs(y.logRatio) - Math.abs(x.logRatio) || byWord(x.word, y.word));
  result.words = rows.slice(0, top);
  return result;
}

export type WordPassage = {
  documentId: string;
  title: string;
  year: number | null;
  region: string;
  unitId: string;
  /** The occurrence, in code points of the document's text (the reader's ?at=). */
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
};

export type WordPassageList = { total: number; passages: WordPassage[] };

/**
 * The occurrences behind a word's count: each token equal to the word in the scope's
 * sentences (so `total` is the table's count), with its context within the paragraph.
 */
export async function wordPassages(
  db: Db,
  q: WordScope & { word: string; context?: number; limit?: number; offset?: number },
): Promise<WordPassageList> {
  const needle = `${TOKEN_SEP}${q.word}${TOKEN_SEP}`;
  const units = (await wordUnits(db, q)).filter((u) => u.tokens.includes(needle));
  const context = Math.max(0, Math.min(200, q.context ?? 30));
  const docIds = [...new Set(units.map((u) => u.documentId))];
  const [texts, briefs] = await Promise.all([findDocumentTexts(db, docIds), findDocumentBriefs(db, q.projectId, docIds)]);
  const maps = new Map(texts.map((t) => [t.id, new OffsetMap(t.plainText)]));
  const brief = new Map(briefs.map((b) => [b.id, b]));
  const out: WordPassage[] = [];
  for (const u of units) {
    const map = maps.get(u.documentId);
    const b = brief.get(u.documentId);
    if (!map || !b || u.end > map.cpCount) continue;
    const from16 = map.toUtf16(u.start);
    const text = map.text.slice(from16, map.toUtf16(u.end));
    // Tokens concatenate to the sentence (whitespace aside): walk them to place each occurrence.
    let pos = 0;
    for (const t of u.tokens.split(TOKEN_SEP)) {
      if (t === "") continue;
      const at = text.indexOf(t, pos);
      if (at < 0) continue;
      pos = at + t.length;
      if (t !== q.word) continue;
      const start = map.toCp(from16 + at);
      const end = map.toCp(from16 + pos);
      let left = map.slice(Math.max(0, start - context), start);
      const nl = left.lastIndexOf("\n");
      if (nl !== -1) left = left.slice(nl + 1);
      let right = map.slice(end, Math.min(map.cpCount, end + context));
      const nr = right.indexOf("\n");
      if (nr !== -1) right = right.slice(0, nr);
      out.push({ documentId: u.documentId, title: b.title, year: b.year, region: b.region, unitId: u.id, start, end, left, match: t, right });
    }
  }
  // Documents by year (unknown last), then title, then position — the order of the other drill-downs.
  out.sort((x, y) => (x.year ?? 1e9) - (y.year ?? 1e9) || x.title.localeCompare(y.title) || x.documentId.localeCompare(y.documentId) || x.start - y.start);
  const from = q.offset ?? 0;
  return { total: out.length, passages: q.limit === undefined ? out.slice(from) : out.slice(from, from + q.limit) };
}

/** The word scope of a request: with `compare`, side a or b of it. */
export function wordScopeOfSide(base: WordScope, compare: string | undefined, side: "a" | "b" | undefined): WordScope {
  if (!compare || !side) return base;
  const c = parseCompareSpec(compare);
  return sideScope(base, side === "a" ? c.a : c.b, c.a as Exclude<CompareSide, "rest">);
}
