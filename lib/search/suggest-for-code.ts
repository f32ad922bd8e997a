import type { BlindScope } from "../db/rounds";
import type { Db } from "../db/client";
import {
  findCodeWithKeywords,
  findSearchDocuments,
  findSentenceUnits,
  type SearchUnitRow,
  type TextPrefilter,
} from "../db/search";
import { findDocumentTexts } from "../db/documents";
import { AppError } from "../errors";
import { parseKeywords } from "../codebook/keywords";
import { parseInput } from "../parse-input";
import { OffsetMap } from "../text/offsets";
import { suggestForCodeSchema, type SuggestForCodeInput } from "./schemas";

export type SuggestedSentence = {
  unitId: string;
  start: number;
  end: number;
  text: string;
  /** The code's keywords found in this sentence. */
  keywords: string[];
};

export type SuggestionGroup = {
  documentId: string;
  title: string;
  year: number | null;
  region: string;
  sentences: SuggestedSentence[];
};

export type CodeSuggestions = {
  code: { id: string; shortName: string; labelZh: string; labelEn: string; color: string; keywords: string[] };
  /** Suggested sentences in all (the groups hold at most `limit` of them). */
  total: number;
  groups: SuggestionGroup[];
};

const DOCUMENT_BATCH = 50;

/**
 * Sentences that contain any of a code's keywords (substring match), are not yet coded
 * with the code (any coding of it overlapping the sentence, by anyone, counts), and were
 * not rejected for it before. Grouped by document in search order (year, title), then
 * text order. Nothing is coded here: see decideSuggestions. A coder of an open blind round
 * is not told which sentences others coded (their codings do not count as "already coded").
 */
export async function suggestForCode(db: Db, input: SuggestForCodeInput, opts: { blind?: BlindScope } = {}): Promise<CodeSuggestions> {
  const { projectId, codeId, limit } = parseInput(suggestForCodeSchema, input);
  const code = await findCodeWithKeywords(db, codeId);
  if (!code) throw new AppError("not_found", { en: `code ${codeId} not found`, zh: "未找到该代码" });
  if (code.projectId !== projectId) throw new AppError("invalid_input", { en: "the code belongs to another project", zh: "该代码属于其他项目" });
  const keywords = parseKeywords(code.keywords);
  const result: CodeSuggestions = {
    code: { id: code.id, shortName: code.shortName, labelZh: code.labelZh, labelEn: code.labelEn, color: code.color, keywords },
    total: 0,
    groups: [],
  };
  if (keywords.length === 0) return result;

  const anyKeyword: TextPrefilter = { type: "or", items: keywords.map((value) => ({ type: "contains", value })) };
  const docs = await findSearchDocuments(db, projectId, {}, anyKeyword);
  let shown = 0;
  for (let b = 0; b < docs.length; b += DOCUMENT_BATCH) {
    const batch = docs.slice(b, b + DOCUMENT_BATCH);
    const ids = batch.map((d) => d.id);
    const units = await findSentenceUnits(db, ids, {
      notCodedWith: [code.id],
      notRejectedFor: code.id,
      prefilter: anyKeyword,
      blind: opts.blind ?? null,
    });
    const texts = await findDocumentTexts(db, [...new Set(units.map((u) => u.documentId))]);
    const textById = new Map(texts.map((t) => [t.id, t.plainText]));
    const unitsByDoc = new Map<string, SearchUnitRow[]>();
    for (const u of units) {
      const list = unitsByDoc.get(u.documentId);
      if (list) list.push(u);
      else unitsByDoc.set(u.documentId, [u]);
    }
    for (const doc of batch) {
      const text = textById.get(doc.id);
      const docUnits = unitsByDoc.get(doc.id);
      if (text === undefined || !docUnits) continue;
      const map = new OffsetMap(text);
      const sentences: SuggestedSentence[] = [];
      for (const u of docUnits) {
        if (u.end > map.cpCount) continue;
        const sentence = map.slice(u.start, u.end);
        const found = keywords.filter((k) => sentence.includes(k));
        if (found.length === 0) continue;
        result.total++;
        if (shown < limit) {
          sentences.push({ unitId: u.id, start: u.start, end: u.end, text: sentence, keywords: found });
          shown++;
        }
      }
      if (sentences.length > 0) {
        result.groups.push({ documentId: doc.id, title: doc.title, year: doc.year, region: doc.region, sentences });
      }
    }
  }
  return result;
}
