import type { BlindScope } from "../db/rounds";
import type { Db } from "../db/client";
import { projectExists } from "../db/shared";
import {
  findSearchDocuments,
  findSentenceUnits,
  type SearchDocumentRow,
  type SearchUnitRow,
} from "../db/search";
import { findDocumentTexts } from "../db/documents";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { OffsetMap } from "../text/offsets";
import {
  compileTerms,
  compiledFor,
  documentMayMatch,
  documentPrefilter,
  evaluateQuery,
  type UnitText,
} from "./match-terms";
import { parseSearchQuery, positiveTerms } from "./parse-search-query";
import { searchRequestSchema, type SearchRequest } from "./schemas";

export type SearchHit = {
  documentId: string;
  title: string;
  year: number | null;
  region: string;
  province: string;
  docType: string;
  unitId: string;
  unitStart: number;
  unitEnd: number;
  /** The hit, in code points over the document's text. */
  start: number;
  end: number;
  /** Up to contextChars code points before the hit, never reaching into the previous paragraph. */
  left: string;
  match: string;
  /** Up to contextChars code points after the hit, never reaching into the next paragraph. */
  right: string;
  /** The query term that produced this hit (as typed). */
  term: string;
};

export type SearchResult = {
  /** All hits of the query (the page is hits[offset … offset+limit)). */
  total: number;
  /** Sentences that matched and produced at least one hit. */
  units: number;
  /** Documents with at least one hit. */
  documents: number;
  hits: SearchHit[];
};

/** Documents whose text and units are held in memory at once. */
const DOCUMENT_BATCH = 50;

function keywordInContext(map: OffsetMap, start: number, end: number, context: number) {
  let left = map.slice(Math.max(0, start - context), start);
  const nl = left.lastIndexOf("\n");
  if (nl !== -1) left = left.slice(nl + 1);
  let right = map.slice(end, Math.min(map.cpCount, end + context));
  const nr = right.indexOf("\n");
  if (nr !== -1) right = right.slice(0, nr);
  return { left, match: map.slice(start, end), right };
}

/**
 * Searches a project's sentences. A sentence matches when the boolean query holds for it;
 * each occurrence of a term not under NOT is a hit (KWIC). Terms match as substrings
 * ("substring"), as whole jieba tokens or runs of consecutive tokens ("word"), or as
 * regular expressions with flag u ("regex"); quoted phrases are always exact substrings.
 * A sentence that matches only through a negation has no hit and is not reported.
 *
 * Metadata and coding filters run in SQL, as do LIKE prefilters on the query's literal
 * terms (documents on their text, sentences on their stored tokens); regex terms without
 * anchors or lookarounds prune documents in JavaScript. The exact test then runs in
 * JavaScript over each document's text, read once and sliced by code point. KWIC context
 * is taken from the document text and stops at paragraph boundaries. Order: document
 * (year, unknown last; title), then position in the text.
 */
export async function searchCorpus(
  db: Db,
  projectId: string,
  request: SearchRequest,
  /** Codings an open blind round hides from the asker: they count for no coding filter. */
  opts: { blind?: BlindScope } = {},
): Promise<SearchResult> {
  const blind = opts.blind ?? null;
  const req = parseInput(searchRequestSchema, request);
  const ast = parseSearchQuery(req.query, { mode: req.mode });
  const positives = positiveTerms(ast);
  if (positives.length === 0) {
    throw new AppError(
      "invalid_input",
      { en: "the query needs at least one term that is not negated by NOT", zh: "查询至少需要一个未被 NOT 否定的检索词" },
    );
  }
  const terms = compileTerms(ast, req.mode);
  const positiveCompiled = positives.map((n) => compiledFor(terms, n));
  if (!(await projectExists(db, projectId))) throw new AppError("not_found", { en: `project ${projectId} not found`, zh: "未找到该项目" });

  const f = req.filters ?? {};
  const prefilter = documentPrefilter(ast, req.mode);
  const docs = await findSearchDocuments(
    db,
    projectId,
    {
      region: f.region,
      province: f.province,
      city: f.city,
      docType: f.docType,
      level: f.level,
      year: f.year,
      documentIds: f.documentIds,
      codedWith: f.codedWith,
      blind,
    },
    prefilter,
  );

  const pageFrom = req.offset;
  const pageTo = req.offset + req.limit;
  const hits: SearchHit[] = [];
  let total = 0;
  let unitCount = 0;
  let docCount = 0;

  for (let b = 0; b < docs.length; b += DOCUMENT_BATCH) {
    const batch = docs.slice(b, b + DOCUMENT_BATCH);
    // Texts first: regex terms can only be pruned in JavaScript, and reading a text is cheap.
    const texts = await findDocumentTexts(db, batch.map((d) => d.id));
    const textById = new Map(
      texts.filter((t) => documentMayMatch(ast, terms, t.plainText)).map((t) => [t.id, t.plainText]),
    );
    const units = await findSentenceUnits(db, [...textById.keys()], {
      withTokens: req.mode === "word",
      codedWith: f.codedWith,
      notCodedWith: f.notCodedWith,
      prefilter,
      blind,
    });
    const unitsByDoc = new Map<string, SearchUnitRow[]>();
    for (const u of units) {
      const list = unitsByDoc.get(u.documentId);
      if (list) list.push(u);
      else unitsByDoc.set(u.documentId, [u]);
    }

    for (const doc of batch) {
      const docUnits = unitsByDoc.get(doc.id);
      const text = textById.get(doc.id);
      if (!docUnits || text === undefined) continue;
      const map = new OffsetMap(text);
      let docHasHit = false;
      for (const u of docUnits) {
        if (u.end > map.cpCount) continue; // a unit outside its text would be a corrupt import
        const from16 = map.toUtf16(u.start);
        const ut: UnitText = { text: text.slice(from16, map.toUtf16(u.end)), tokens: u.tokens };
        if (!evaluateQuery(ast, terms, ut)) continue;

        const spans: { start: number; end: number; term: string }[] = [];
        for (const t of positiveCompiled) {
          for (const s of t.find(ut)) {
            spans.push({ start: map.toCp(from16 + s.from), end: map.toCp(from16 + s.to), term: t.node.value });
          }
        }
        if (spans.length === 0) continue; // matched only through a negation: nothing to show
        spans.sort((x, y) => x.start - y.start || x.end - y.end);
        unitCount++;
        docHasHit = true;
        let prev: { start: number; end: number } | undefined;
        for (const s of spans) {
          if (prev && prev.start === s.start && prev.end === s.end) continue; // two terms, one span
          prev = s;
          if (total >= pageFrom && total < pageTo) hits.push(toHit(doc, u, s, map, req.contextChars));
          total++;
        }
      }
      if (docHasHit) docCount++;
    }
  }
  return { total, units: unitCount, documents: docCount, hits };
}

function toHit(
  doc: SearchDocumentRow,
  u: SearchUnitRow,
  s: { start: number; end: number; term: string },
  map: OffsetMap,
  context: number,
): SearchHit {
  return {
    documentId: doc.id,
    title: doc.title,
    year: doc.year,
    region: doc.region,
    province: doc.province,
    docType: doc.docType,
    unitId: u.id,
    unitStart: u.start,
    unitEnd: u.end,
    start: s.start,
    end: s.end,
    ...keywordInContext(map, s.start, s.end, context),
    term: s.term,
  };
}
