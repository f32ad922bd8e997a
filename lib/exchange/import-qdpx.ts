/**
 * Import of a REFI-QDA `.qdpx` into a new project, in one transaction: a refusal (malformed
 * archive, unknown code reference, a position beyond the text) leaves nothing behind.
 *
 * - Sources become documents with our canonical text (lib/text/canonical) and sentence units;
 *   positions are read under the detected (or chosen) convention over the source text as
 *   stored and mapped onto the canonical text (lib/exchange/qdpx-read.ts).
 * - Codes keep hierarchy and colour; a description written by our export ("中文: …",
 *   "English: …", "Definition: …") goes back into labels and definition, any other into the
 *   definition. Sets with codes become code groups; variables named like our metadata
 *   fields become metadata. Notes become memos of the project, document, code or coding that
 *   refers to them. Everything left out or changed is listed in the report.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { normalizeCoderName } from "../coding/coder-name";
import { quoteSelector } from "../coding/validate-span";
import type { Db } from "../db/client";
import { inTransaction, type DbTx } from "../db/shared";
import { upsertUserByName } from "../db/users";
import { AppError } from "../errors";
import { buildCanonicalText, paragraphsFromPlainText } from "../text/canonical";
import { OffsetMap, cpLength } from "../text/offsets";
import { splitSentences } from "../text/sentences";
import { tokensField } from "../text/tokens";
import { tokenizeSentences } from "../text/unit-tokens";
import { canonicalMapping, detectOffsets, rawSpan, readQdpx, type OffsetConvention, type OffsetsChoice, type QdpxSource } from "./qdpx-read";

export type QdpxImportReport = {
  projectId: string;
  name: string;
  origin: string;
  offsets: { convention: OffsetConvention; detected: OffsetConvention; chosen: OffsetsChoice; scores: Record<OffsetConvention, number> };
  imported: { users: number; codes: number; groups: number; documents: number; codings: number; memos: number };
  /** What was left out or changed, one line each (English). */
  notes: string[];
};

const KEYS: Record<string, "labelZh" | "labelEn" | "definition" | "inclusion" | "exclusion" | "example"> = {
  中文: "labelZh",
  English: "labelEn",
  Definition: "definition",
  Inclusion: "inclusion",
  Exclusion: "exclusion",
  Example: "example",
};

/** Reads back the description our export writes; any other text is the definition. */
export function parseCodeDescription(text: string): Partial<Record<(typeof KEYS)[string], string>> {
  const out: Partial<Record<(typeof KEYS)[string], string>> = {};
  let current: (typeof KEYS)[string] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = /^(中文|English|Definition|Inclusion|Exclusion|Example): ?(.*)$/.exec(line);
    if (m) {
      current = KEYS[m[1]!]!;
      out[current] = m[2]!;
    } else if (current) {
      out[current] += `\n${line}`;
    } else {
      return text.trim() ? { definition: text } : {};
    }
  }
  return out;
}

type Prepared = {
  source: QdpxSource;
  mapping: ReturnType<typeof canonicalMapping>;
  canonical: string;
  sha256: string;
  built: ReturnType<typeof buildCanonicalText>;
  sentences: ReturnType<typeof splitSentences>;
  tokens: ReturnType<typeof tokenizeSentences>;
  meta: Record<string, string | number | null>;
};

const TEXT_FIELDS = ["region", "province", "city", "issuer", "level", "docType", "date", "language", "sourceRef", "originalFilename", "format", "encoding"] as const;

function unique(name: string, taken: Set<string>): string {
  let n = name.trim() || "code";
  for (let i = 2; taken.has(n); i++) n = `${name.trim() || "code"} (${i})`;
  taken.add(n);
  return n;
}

// A project of a million characters and 100,000 codings writes for well over the default minute on a busy machine.
const IMPORT_TIMEOUT_MS = 15 * 60_000;

// Rows per INSERT: 1,000 rows × at most 13 columns stays below SQLite's and PostgreSQL's bound-parameter limits.
const ROWS_PER_STATEMENT = 1000;

async function createManyInChunks<T>(rows: T[], write: (data: T[]) => Promise<{ count: number }>): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) n += (await write(rows.slice(i, i + ROWS_PER_STATEMENT))).count;
  return n;
}

export async function importQdpx(db: Db, input: { bytes: Uint8Array; projectName: string; offsets?: OffsetsChoice }): Promise<QdpxImportReport> {
  const q = readQdpx(input.bytes);
  const chosen = input.offsets ?? "auto";
  const detected = detectOffsets(q.sources);
  const convention: OffsetConvention = chosen === "auto" ? detected.convention : chosen;
  const notes = [...q.warnings];
  const codeGuids = new Set(q.codes.map((c) => c.guid));

  // Everything checkable without the database is checked before the transaction.
  for (const s of q.sources) {
    if (s.rawText === null) continue;
    const map = new OffsetMap(s.rawText);
    for (const sel of s.selections) {
      for (const g of sel.codeGuids) {
        if (!codeGuids.has(g)) throw new AppError("invalid_input", { en: `selection ${sel.guid} in “${s.name}” refers to an unknown code ${g}; nothing imported`, zh: `“${s.name}”中的选段 ${sel.guid} 引用了不存在的代码 ${g}；未导入任何内容` });
      }
      if (!rawSpan(sel, map, convention)) {
        throw new AppError("invalid_input", { en: `selection ${sel.guid} in “${s.name}” (${sel.start}–${sel.end}) lies outside the text when read as ${convention}; nothing imported`, zh: `“${s.name}”中的选段 ${sel.guid}（${sel.start}–${sel.end}）按 ${convention} 读取超出文本范围；未导入任何内容` });
      }
    }
  }
  // Text work (canonical text, sentences, jieba tokens) happens before the transaction, which then only writes.
  const prepared: Prepared[] = [];
  const shas = new Set<string>();
  for (const s of q.sources) {
    if (s.rawText === null) continue;
    const mapping = canonicalMapping(s.rawText);
    const canonical = mapping.canonical;
    if (canonical === "") {
      notes.push(`source “${s.name}” has no text; left out`);
      continue;
    }
    const sha256 = createHash("sha256").update(canonical).digest("hex");
    if (shas.has(sha256)) {
      notes.push(`source “${s.name}” repeats another source's text; left out`);
      continue;
    }
    shas.add(sha256);
    const built = buildCanonicalText(paragraphsFromPlainText(canonical));
    const sentences = splitSentences(built.text, built.paragraphs);
    const tokens = tokenizeSentences(built.text, sentences);
    const meta: Record<string, string | number | null> = {};
    for (const f of TEXT_FIELDS) if (s.variables[f] !== undefined) meta[f] = s.variables[f]!;
    if (s.variables.year !== undefined && /^\d{1,4}$/.test(s.variables.year.trim())) meta.year = Number(s.variables.year);
    const unknownVars = Object.keys(s.variables).filter((k) => !(TEXT_FIELDS as readonly string[]).includes(k) && k !== "year");
    if (unknownVars.length) notes.push(`source “${s.name}”: variables ${unknownVars.join(", ")} have no metadata field; left out`);
    prepared.push({ source: s, mapping, canonical, sha256, built, sentences, tokens, meta });
  }
  if (await db.project.findUnique({ where: { name: input.projectName }, select: { id: true } })) {
    throw new AppError("conflict", { en: `a project named “${input.projectName}” already exists; import into a new name`, zh: `已有名为“${input.projectName}”的项目；请使用新名称导入` });
  }

  return inTransaction(
    db,
    async (tx) => {
      const project = await tx.project.create({ data: { name: input.projectName, description: `Imported from ${q.origin || "a REFI-QDA project"}: ${q.name}` } });
      const counts = { users: 0, codes: 0, groups: 0, documents: 0, codings: 0, memos: 0 };
      const userIds = new Map<string, string>();
      const userOf = async (guid: string | undefined): Promise<string> => {
        const key = guid ?? "";
        const known = userIds.get(key);
        if (known) return known;
        const raw = q.users.find((u) => u.guid === guid)?.name ?? "imported";
        const name = normalizeCoderName(raw) ?? "imported";
        if (name !== raw) notes.push(`user “${raw}” is named “${name}”`);
        const u = await upsertUserByName(tx as DbTx, name);
        userIds.set(key, u.id);
        counts.users = new Set(userIds.values()).size;
        return u.id;
      };

      // Codes, parents first (the list is in document order: a parent precedes its children).
      const codeIds = new Map<string, string>();
      const taken = new Set<string>();
      let order = 0;
      for (const c of q.codes) {
        const name = unique(c.name, taken);
        if (name !== c.name) notes.push(`code “${c.name}” renamed “${name}” (names are unique in a project)`);
        const parsed = parseCodeDescription(c.description);
        const created = await tx.code.create({
          data: { projectId: project.id, parentId: c.parentGuid ? (codeIds.get(c.parentGuid) ?? null) : null, shortName: name, ...parsed, ...(c.color ? { color: c.color } : {}), sortOrder: order++ },
        });
        codeIds.set(c.guid, created.id);
        counts.codes++;
      }
      const groupNames = new Set<string>();
      for (const s of q.sets) {
        const members = s.codeGuids.filter((g) => codeIds.has(g));
        if (members.length === 0) {
          notes.push(`set “${s.name}” has no codes (document sets are not imported)`);
          continue;
        }
        await tx.codeGroup.create({
          data: { projectId: project.id, name: unique(s.name, groupNames), labelZh: s.description, members: { create: [...new Set(members)].map((g) => ({ codeId: codeIds.get(g)! })) } }, // filtered above
        });
        counts.groups++;
      }

      const noteTargets = new Map<string, { kind: "document" | "code" | "coding"; id: string }>();
      for (const c of q.codes) for (const n of c.noteGuids) noteTargets.set(n, { kind: "code", id: codeIds.get(c.guid)! }); // every code was created
      const codingRows: Prisma.CodingCreateManyInput[] = [];
      for (const d of prepared) {
        const s = d.source;
        const doc = await tx.document.create({
          data: { projectId: project.id, title: s.name, ...d.meta, format: (d.meta.format as string) ?? "txt", sha256: d.sha256, plainText: d.canonical, charCount: cpLength(d.canonical) },
        });
        await createManyInChunks(
          [
            ...d.built.paragraphs.map((p, i) => ({ documentId: doc.id, kind: "paragraph", ordinal: i, paragraph: i, start: p.start, end: p.end, tokens: "" })),
            ...d.sentences.map((u, i) => ({ documentId: doc.id, kind: "sentence", ordinal: i, paragraph: u.paragraph, start: u.start, end: u.end, tokens: tokensField(d.tokens[i] ?? []) })),
          ],
          (data) => tx.unit.createMany({ data }),
        );
        const { canonical, rawMap, start, end } = d.mapping;
        counts.documents++;
        for (const n of s.noteGuids) noteTargets.set(n, { kind: "document", id: doc.id });
        const canonMap = new OffsetMap(canonical);
        const seen = new Set<string>();
        for (const sel of s.selections) {
          const span = rawSpan(sel, rawMap, convention)!; // checked before the transaction
          const from = start(span[0]);
          const to = end(span[1]);
          if (to <= from) {
            notes.push(`selection ${sel.guid} in “${s.name}” covers only blank text; left out`);
            continue;
          }
          const coderId = await userOf(sel.userGuid);
          const selector = quoteSelector(canonMap, from, to);
          const comment = sel.description.slice(0, 5000);
          for (const g of sel.codeGuids) {
            const codeId = codeIds.get(g)!; // checked before the transaction
            const key = `${codeId}|${coderId}|${from}|${to}`;
            if (seen.has(key)) continue; // one coder codes a span with a code once
            seen.add(key);
            // Ids made here so notes can point at a coding before the rows are written in bulk.
            const id = randomUUID();
            codingRows.push({ id, projectId: project.id, documentId: doc.id, codeId, coderId, start: from, end: to, ...selector, comment });
            for (const n of sel.noteGuids) if (!noteTargets.has(n)) noteTargets.set(n, { kind: "coding", id });
          }
        }
        // Written per document, so the rows of one document are all that is held at a time.
        counts.codings += await createManyInChunks(codingRows.splice(0), (data) => tx.coding.createMany({ data }));
      }

      const memoRows: Prisma.MemoCreateManyInput[] = [];
      for (const n of q.notes) {
        if (!n.text.trim() && !n.name.trim()) {
          notes.push(`note ${n.guid} is empty; left out`);
          continue;
        }
        const target = noteTargets.get(n.guid);
        memoRows.push({
          projectId: project.id,
          kind: target?.kind ?? "project",
          documentId: target?.kind === "document" ? target.id : null,
          codeId: target?.kind === "code" ? target.id : null,
          codingId: target?.kind === "coding" ? target.id : null,
          authorId: await userOf(n.userGuid),
          title: n.name,
          body: n.text,
        });
      }
      counts.memos += await createManyInChunks(memoRows, (data) => tx.memo.createMany({ data }));
      return {
        projectId: project.id,
        name: project.name,
        origin: q.origin,
        offsets: { convention, detected: detected.convention, chosen, scores: detected.scores },
        imported: counts,
        notes,
      };
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}
