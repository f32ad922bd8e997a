/**
 * Reading a REFI-QDA `.qdpx` (first slice of import: no database writes yet). Safe unpacking
 * (not a ZIP, a ZIP bomb, `../` entry names, no project.qde: refused with the reason), entries
 * looked up case-insensitively (`Sources/`, `sources/`, `Project.qde`), sources decoded as UTF-8
 * with or without BOM and with CRLF, and their positions mapped onto our canonical text.
 *
 * Offsets: the standard counts Unicode code points; NVivo counts UTF-16 code units (end
 * exclusive) over the .txt as stored (CRLF = 2, BOM not counted). `detectOffsets` tries both
 * readings (and an inclusive end) and keeps the one that puts more selection edges on word or
 * punctuation boundaries; ties go to the standard.
 */
import { unzipSync } from "fflate";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "../errors";
import { buildCanonicalText, paragraphsFromPlainText } from "../text/canonical";
import { OffsetMap } from "../text/offsets";

export type OffsetConvention = "codepoints" | "utf16" | "codepoints-inclusive" | "utf16-inclusive";
export type OffsetsChoice = "auto" | "codepoints" | "utf16";

export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024; // 1 GiB in total
const MAX_RATIO = 200; // a larger compression ratio on a big entry looks like a ZIP bomb

export type QdpxCode = { guid: string; name: string; color?: string; description: string; parentGuid: string | null; noteGuids: string[] };
export type QdpxSelection = { guid: string; start: number; end: number; codeGuids: string[]; userGuid?: string; description: string; noteGuids: string[] };
export type QdpxSource = { guid: string; name: string; rawText: string | null; selections: QdpxSelection[]; variables: Record<string, string>; noteGuids: string[] };

export type QdpxProject = {
  name: string;
  origin: string;
  users: { guid: string; name: string }[];
  codes: QdpxCode[];
  sources: QdpxSource[];
  notes: { guid: string; name: string; text: string; userGuid?: string }[];
  sets: { guid: string; name: string; description: string; codeGuids: string[] }[];
  /** Notes referenced by the project itself. */
  noteGuids: string[];
  warnings: string[];
};

export const refuse = (en: string, zh: string) => new AppError("invalid_input", { en, zh });

/** Unpacks an archive safely; entry names are returned as stored. */
export function unpackQdpx(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw refuse("not a .qdpx file: it is not a ZIP archive", "不是 .qdpx 文件：不是 ZIP 压缩包");
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (/(^|[\\/])\.\.([\\/]|$)/.test(f.name) || f.name.startsWith("/") || /^[a-zA-Z]:/.test(f.name)) {
          throw refuse(`the archive has an unsafe entry name “${f.name}”`, `压缩包含有不安全的条目名“${f.name}”`);
        }
        total += f.originalSize;
        if (total > MAX_UNPACKED_BYTES || (f.originalSize > 10 * 1024 * 1024 && f.originalSize > f.size * MAX_RATIO)) {
          throw refuse("the archive unpacks to far more than it holds (a ZIP bomb?); refused", "压缩包解压后过大（疑似 ZIP 炸弹），已拒绝");
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse(`the ZIP archive is damaged (${(e as Error).message})`, `ZIP 压缩包已损坏（${(e as Error).message}）`);
  }
  return entries;
}

function entry(entries: Record<string, Uint8Array>, name: string): Uint8Array | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(entries)) if (k.replace(/\\/g, "/").toLowerCase() === want) return v;
  return undefined;
}

export const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }); // strips a BOM

const ARRAYS = new Set(["User", "Code", "TextSource", "PlainTextSelection", "Coding", "Note", "NoteRef", "Variable", "VariableValue", "Set", "MemberCode"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) => ARRAYS.has(name),
});

export type X = Record<string, unknown>;
const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v ? [v as X] : []);
const str = (v: unknown): string => (typeof v === "string" ? v : v && typeof v === "object" && "#text" in (v as X) ? String((v as X)["#text"]) : "");
const lower = (g: unknown) => String(g ?? "").replace(/[{}]/g, "").toLowerCase();

const RGB = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/**
 * The `<Code>` tree under a `<Codes>` element (a project's CodeBook or a `.qdc`), parents
 * before their children. An invalid colour is dropped with a warning.
 */
export function readCodes(codesEl: X | undefined, warnings: string[]): QdpxCode[] {
  const codes: QdpxCode[] = [];
  const walk = (list: X[], parent: string | null) => {
    for (const c of list) {
      let color: string | undefined;
      if (typeof c.color === "string" && c.color.trim() !== "") {
        if (RGB.test(c.color.trim())) color = c.color.trim();
        else warnings.push(`code “${String(c.name ?? "")}”: colour “${c.color}” is not #rgb or #rrggbb; left out`);
      }
      codes.push({ guid: lower(c.guid), name: String(c.name ?? ""), color, description: str(c.Description), parentGuid: parent, noteGuids: arr(c.NoteRef).map((n) => lower(n.targetGUID)) });
      walk(arr(c.Code), lower(c.guid));
    }
  };
  walk(arr(codesEl?.Code), null);
  return codes;
}

/** `<Set>`s with their member codes (`targetGUID` in a project, `guid` in a codebook). */
export function readSets(setsEl: unknown) {
  return arr((setsEl as X | undefined)?.Set).map((s) => ({
    guid: lower(s.guid),
    name: String(s.name ?? ""),
    description: str(s.Description),
    codeGuids: arr(s.MemberCode).map((m) => lower(m.targetGUID ?? m.guid)),
  }));
}

/** Parses XML text of an exchange file, refusing what is not well-formed with the line and reason. */
export function parseXml(xml: string, what: string): X {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw refuse(`${what} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, `${what} 不是格式正确的 XML（第 ${valid.err.line} 行：${valid.err.msg}）`);
  try {
    return parser.parse(xml) as X;
  } catch (e) {
    throw refuse(`${what} is not well-formed XML (${(e as Error).message})`, `${what} 不是格式正确的 XML（${(e as Error).message}）`);
  }
}

/** Parses `project.qde` and the archive's sources into a neutral model (positions as written). */
export function readQdpx(bytes: Uint8Array): QdpxProject {
  const entries = unpackQdpx(bytes);
  const qde = entry(entries, "project.qde");
  if (!qde) throw refuse("the archive has no project.qde", "压缩包中没有 project.qde");
  const doc = parseXml(decoder.decode(qde), "project.qde");
  const p = doc.Project as X | undefined;
  if (!p) throw refuse("project.qde has no <Project> root element", "project.qde 缺少 <Project> 根元素");
  const warnings: string[] = [];
  const users = arr((p.Users as X | undefined)?.User).map((u) => ({ guid: lower(u.guid), name: String(u.name ?? u.id ?? u.guid) }));
  const codes = readCodes((p.CodeBook as X | undefined)?.Codes as X | undefined, warnings);
  const variables = new Map(arr((p.Variables as X | undefined)?.Variable).map((v) => [lower(v.guid), String(v.name ?? "")]));
  const sources: QdpxSource[] = [];
  for (const s of arr((p.Sources as X | undefined)?.TextSource)) {
    const guid = lower(s.guid);
    let rawText: string | null = null;
    const path = typeof s.plainTextPath === "string" ? s.plainTextPath : "";
    if (path.startsWith("internal://")) {
      const file = entry(entries, `sources/${path.slice("internal://".length)}`);
      if (file) rawText = decoder.decode(file);
    }
    if (rawText === null && s.PlainTextContent !== undefined) rawText = str(s.PlainTextContent);
    if (rawText === null) warnings.push(`source “${String(s.name ?? guid)}” has no text in the archive; left out`);
    const selections = arr(s.PlainTextSelection).map((sel) => ({
      guid: lower(sel.guid),
      start: Number(sel.startPosition),
      end: Number(sel.endPosition),
      codeGuids: arr(sel.Coding).map((c) => lower((c.CodeRef as X | undefined)?.targetGUID)),
      userGuid: sel.creatingUser ? lower(sel.creatingUser) : undefined,
      description: str(sel.Description),
      noteGuids: [...arr(sel.NoteRef), ...arr(sel.Coding).flatMap((c) => arr(c.NoteRef))].map((n) => lower(n.targetGUID)),
    }));
    const vars: Record<string, string> = {};
    for (const vv of arr(s.VariableValue)) {
      const name = variables.get(lower((vv.VariableRef as X | undefined)?.targetGUID));
      if (!name) continue;
      const value = ["TextValue", "IntegerValue", "FloatValue", "BooleanValue", "DateValue", "DateTimeValue"].map((k) => vv[k]).find((v) => v !== undefined);
      if (value !== undefined) vars[name] = str(value);
    }
    sources.push({ guid, name: String(s.name ?? guid), rawText, selections, variables: vars, noteGuids: arr(s.NoteRef).map((n) => lower(n.targetGUID)) });
  }
  const notes = arr((p.Notes as X | undefined)?.Note).map((n) => ({
    guid: lower(n.guid),
    name: String(n.name ?? ""),
    text: str(n.PlainTextContent),
    userGuid: n.creatingUser ? lower(n.creatingUser) : undefined,
  }));
  const sets = readSets(p.Sets);
  const noteGuids = arr(p.NoteRef).map((n) => lower(n.targetGUID));
  return { name: String(p.name ?? ""), origin: String(p.origin ?? ""), users, codes, sources, notes, sets, noteGuids, warnings };
}

/**
 * Our canonical text of a source and a map from raw UTF-16 positions to canonical code points:
 * canonical text only drops characters (edge whitespace, blank lines, CR of CRLF), so a start
 * moves forward to the next kept character and an end back to after the previous one.
 */
export function canonicalMapping(raw: string) {
  const canonical = buildCanonicalText(paragraphsFromPlainText(raw)).text;
  // Align: walk raw and canonical together; canonical is a subsequence of raw with "\n" for line breaks.
  const toCanon = new Int32Array(raw.length + 1).fill(-1); // raw UTF-16 index → canonical UTF-16 index of the same char
  let j = 0;
  for (let i = 0; i < raw.length && j < canonical.length; i++) {
    const rc = raw[i]!;
    const cc = canonical[j]!;
    if (rc === cc) {
      toCanon[i] = j++;
    } else if (cc === "\n" && /[\r\u0085\u2028\u2029\f\v]/.test(rc)) {
      toCanon[i] = j++;
    }
  }
  if (j !== canonical.length) throw new Error("canonical text is not a subsequence of the source (a bug)");
  const canonMap = new OffsetMap(canonical);
  const rawMap = new OffsetMap(raw);
  /** Canonical code point of a raw UTF-16 start position. */
  const start = (rawUtf16: number) => {
    let i = rawUtf16;
    while (i < raw.length && toCanon[i]! < 0) i++;
    return canonMap.toCp(i < raw.length ? toCanon[i]! : canonical.length);
  };
  /** Canonical code point of a raw UTF-16 end position (exclusive). */
  const end = (rawUtf16: number) => {
    let i = rawUtf16 - 1;
    while (i >= 0 && toCanon[i]! < 0) i--;
    return canonMap.toCp(i >= 0 ? toCanon[i]! + 1 : 0);
  };
  return { canonical, rawMap, start, end };
}

const BOUNDARY = /[\s\p{P}\p{S}]/u;
const isEdge = (text: string, at: number) => at <= 0 || at >= text.length || BOUNDARY.test(text[at - 1]!) || BOUNDARY.test(text[at]!) || /\p{Script=Han}/u.test(text[at]!);

/** Raw UTF-16 [start, end) of a selection under a convention, or null when it does not fit the text. */
export function rawSpan(sel: { start: number; end: number }, map: OffsetMap, convention: OffsetConvention): [number, number] | null {
  const endPos = convention.endsWith("inclusive") ? sel.end + 1 : sel.end;
  if (!Number.isInteger(sel.start) || !Number.isInteger(endPos) || sel.start < 0 || endPos <= sel.start) return null;
  if (convention.startsWith("utf16")) return endPos <= map.text.length ? [sel.start, endPos] : null;
  return endPos <= map.cpCount ? [map.toUtf16(sel.start), map.toUtf16(endPos)] : null;
}

/** The convention under which most selections fit and fall on word or punctuation boundaries. */
export function detectOffsets(sources: QdpxSource[]): { convention: OffsetConvention; scores: Record<OffsetConvention, number> } {
  const conventions: OffsetConvention[] = ["codepoints", "utf16", "codepoints-inclusive", "utf16-inclusive"];
  const scores = Object.fromEntries(conventions.map((c) => [c, 0])) as Record<OffsetConvention, number>;
  for (const s of sources) {
    if (s.rawText === null) continue;
    const map = new OffsetMap(s.rawText);
    for (const sel of s.selections) {
      for (const c of conventions) {
        const span = rawSpan(sel, map, c);
        if (!span) {
          scores[c] -= 10; // does not fit the text at all
          continue;
        }
        // A split surrogate pair is impossible under the right reading.
        const splits = (at: number) => at > 0 && at < s.rawText!.length && /[\uDC00-\uDFFF]/.test(s.rawText![at]!);
        if (splits(span[0]) || splits(span[1])) scores[c] -= 10;
        scores[c] += (isEdge(s.rawText, span[0]) ? 1 : 0) + (isEdge(s.rawText, span[1]) ? 1 : 0);
      }
    }
  }
  const best = conventions.reduce((a, b) => (scores[b] > scores[a] ? b : a), "codepoints" as OffsetConvention);
  return { convention: best, scores };
}
