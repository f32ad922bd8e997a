/**
 * Test fixtures for the coding and search contexts: projects, codes and documents with
 * paragraph and sentence units written straight to the database (so these tests do not
 * depend on the import pipeline's sentence splitter). Offsets count code points; tokens
 * come from lib/text/tokens (jieba tokens joined by U+001F, leading and trailing U+001F).
 */
import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/client";
import { cpLength } from "../../lib/text/offsets";
import { tokenize, tokensField } from "../../lib/text/tokens";

/** A sentence's Unit.tokens as the import pipeline stores it. */
export function unitTokens(text: string): string {
  return tokensField(tokenize(text));
}

export async function addProject(db: Db, name = "p") {
  return db.project.create({ data: { name } });
}

export async function addCode(
  db: Db,
  projectId: string,
  shortName: string,
  extra: { keywords?: string[]; color?: string; labelZh?: string } = {},
) {
  return db.code.create({
    data: {
      projectId,
      shortName,
      labelZh: extra.labelZh ?? shortName,
      labelEn: shortName,
      color: extra.color ?? "#336699",
      keywords: JSON.stringify(extra.keywords ?? []),
    },
  });
}

export type Sentence = { id: string; start: number; end: number; text: string; paragraph: number };

const SENTENCE_END = /[。！？；!?;]/u;

/** Sentence spans of one paragraph (code points, relative to the paragraph), trimmed, never empty. */
function splitSentences(paragraph: string): { start: number; end: number }[] {
  const chars = Array.from(paragraph);
  const out: { start: number; end: number }[] = [];
  let from = 0;
  const push = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(chars[s]!)) s++; // s < e ≤ chars.length
    while (e > s && /\s/u.test(chars[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  chars.forEach((c, i) => {
    if (SENTENCE_END.test(c)) {
      push(i + 1);
      from = i + 1;
    }
  });
  push(chars.length);
  return out;
}

export async function addDocument(
  db: Db,
  projectId: string,
  paragraphs: string[],
  meta: {
    title?: string;
    region?: string;
    province?: string;
    city?: string;
    year?: number | null;
    docType?: string;
    level?: string;
    /** Leave Unit.tokens empty (as a document imported before tokenization would be). */
    noTokens?: boolean;
  } = {},
) {
  const text = paragraphs.join("\n");
  const doc = await db.document.create({
    data: {
      projectId,
      title: meta.title ?? (paragraphs[0] ?? "").slice(0, 10),
      region: meta.region ?? "other",
      province: meta.province ?? "",
      city: meta.city ?? "",
      year: meta.year === undefined ? 2020 : meta.year,
      docType: meta.docType ?? "work-report",
      level: meta.level ?? "provincial",
      sha256: createHash("sha256").update(text + Math.random()).digest("hex"),
      plainText: text,
      charCount: cpLength(text),
    },
  });
  const units: { kind: string; ordinal: number; paragraph: number; start: number; end: number; tokens: string }[] = [];
  const sentences: Omit<Sentence, "id">[] = [];
  let at = 0;
  paragraphs.forEach((p, pi) => {
    const len = cpLength(p);
    units.push({ kind: "paragraph", ordinal: pi, paragraph: pi, start: at, end: at + len, tokens: "" });
    for (const s of splitSentences(p)) {
      const sText = Array.from(p).slice(s.start, s.end).join("");
      units.push({
        kind: "sentence",
        ordinal: sentences.length,
        paragraph: pi,
        start: at + s.start,
        end: at + s.end,
        tokens: meta.noTokens ? "" : unitTokens(sText),
      });
      sentences.push({ start: at + s.start, end: at + s.end, text: sText, paragraph: pi });
    }
    at += len + 1;
  });
  await db.unit.createMany({ data: units.map((u) => ({ ...u, documentId: doc.id })) });
  const rows = await db.unit.findMany({ where: { documentId: doc.id, kind: "sentence" }, orderBy: { ordinal: "asc" } });
  return { doc, text, sentences: rows.map((r, i) => ({ ...sentences[i], id: r.id })) as Sentence[] };
}

/** Code-point offset of the n-th (0-based) occurrence of `needle` in `text`. */
export function cpIndexOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" not found ${nth + 1} times`);
  }
  return cpLength(text.slice(0, at));
}

export { appError } from "../helpers/app-error";
