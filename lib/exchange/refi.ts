/**
 * REFI-QDA export (QDA-XML 1.0, the standard's 2019 schema): a project as `.qdpx` — a ZIP
 * holding `project.qde` and `sources/<guid>.txt` (each document's canonical plain text,
 * UTF-8 without BOM) — and the codebook as `.qdc`.
 *
 * - GUIDs are derived from our ids (lib/exchange/guid.ts), so repeated exports agree.
 * - Positions count Unicode code points, end exclusive, as the standard says; `positions:
 *   "utf16"` writes UTF-16 code units instead, as NVivo reads and writes them.
 * - Users are the project's coders and memo authors; codes keep their hierarchy and colours;
 *   each coding is a PlainTextSelection (its comment as Description) with one Coding by its
 *   coder; memos are Notes referenced from their document, code, coding or the project;
 *   document metadata are Variables; code groups are Sets.
 * - Dates come from the data, not the clock, so an unchanged project exports byte for byte
 *   the same archive.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";
import { createCB } from "xmlbuilder2";
import type { XMLBuilderCB } from "xmlbuilder2/lib/interfaces";
import { OffsetMap } from "../text/offsets";
import { stableGuid } from "./guid";
import { METADATA_FIELDS, type ExportCode, type ExportSnapshot } from "./snapshot";

export const PROJECT_NS = "urn:QDA-XML:project:1.0";
export const CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";
export type PositionUnit = "codepoints" | "utf16";
export type RefiOptions = { positions?: PositionUnit };

// XML 1.0 forbids most control characters and lone surrogates: dropped from exported text.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlText = (s: string) => s.replace(XML_INVALID, "");
const RGB = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;
const iso = (d: Date) => d.toISOString();

/** The code's description in the exchange file: labels and definition parts, one per line. */
export function codeDescription(c: ExportCode): string {
  const parts: [string, string][] = [
    ["中文", c.labelZh],
    ["English", c.labelEn],
    ["Definition", c.definition],
    ["Inclusion", c.inclusion],
    ["Exclusion", c.exclusion],
    ["Example", c.example],
  ];
  return parts.filter(([, v]) => v.trim() !== "").map(([k, v]) => `${k}: ${v}`).join("\n");
}

function childrenOf(codes: ExportCode[]): Map<string | null, ExportCode[]> {
  const known = new Set(codes.map((c) => c.id));
  const out = new Map<string | null, ExportCode[]>();
  for (const c of codes) {
    const parent = c.parentId && known.has(c.parentId) ? c.parentId : null;
    out.set(parent, [...(out.get(parent) ?? []), c]);
  }
  return out;
}

/** Writes the code tree depth first; every element opened here is closed here (`up`). */
function addCodes(xml: XMLBuilderCB, tree: Map<string | null, ExportCode[]>, parentId: string | null, noteRefs: Map<string, string[]>) {
  for (const c of tree.get(parentId) ?? []) {
    const attrs: Record<string, string> = { guid: stableGuid("code", c.id), name: xmlText(c.shortName), isCodable: "true" };
    if (RGB.test(c.color)) attrs.color = c.color;
    xml.ele("Code", attrs);
    const description = codeDescription(c);
    if (description) xml.ele("Description").txt(xmlText(description)).up();
    for (const note of noteRefs.get(c.id) ?? []) xml.ele("NoteRef", { targetGUID: note }).up();
    addCodes(xml, tree, c.id, noteRefs);
    xml.up();
  }
}

type Variable = { field: (typeof METADATA_FIELDS)[number]; guid: string; type: "Text" | "Integer" };

function variablesOf(s: ExportSnapshot): Variable[] {
  return METADATA_FIELDS.map((field) => ({ field, guid: stableGuid("variable", `${s.project.id}:${field}`), type: field === "year" ? "Integer" : "Text" }));
}

/** A callback (streaming) XML writer: chunks go to `write` as they are serialized, pretty-printed like the DOM writer. */
function xmlWriter(write: (chunk: string) => void): XMLBuilderCB {
  return createCB({
    data: write,
    error: (e: Error) => {
      throw e;
    },
    prettyPrint: true,
  }).dec({ version: "1.0", encoding: "utf-8" });
}

/**
 * Writes `project.qde` of the snapshot to `write` in chunks, with the callback writer rather than
 * a DOM (a DOM of 100,000 selections took most of a large export's time and memory); returns the
 * source files it refers to.
 */
export function writeQde(s: ExportSnapshot, write: (chunk: string) => void, opts: RefiOptions = {}): { path: string; text: string }[] {
  const positions = opts.positions ?? "codepoints";
  const userGuid = new Map(s.users.map((u) => [u.id, stableGuid("user", u.id)]));
  const docIds = new Set(s.documents.map((d) => d.id));
  const codingIds = new Set(s.codings.map((c) => c.id));
  // Memos whose target is not in this export are left out.
  const memos = s.memos.filter((m) => (!m.documentId || docIds.has(m.documentId)) && (!m.codingId || codingIds.has(m.codingId)));
  const noteRefs = new Map<string, string[]>(); // target id (document, code, coding, "project") → note GUIDs
  for (const m of memos) {
    const target = m.codingId ?? m.codeId ?? m.documentId ?? "project";
    noteRefs.set(target, [...(noteRefs.get(target) ?? []), stableGuid("note", m.id)]);
  }

  const xml = xmlWriter(write);
  xml.ele(PROJECT_NS, "Project", {
    name: xmlText(s.project.name),
    origin: "Juncture",
    creationDateTime: iso(s.project.createdAt),
    modifiedDateTime: iso(s.project.updatedAt),
  });
  if (s.users.length) {
    xml.ele("Users");
    for (const u of s.users) xml.ele("User", { guid: userGuid.get(u.id)!, name: xmlText(u.name), id: u.id }).up(); // every user has a GUID (map built from s.users)
    xml.up();
  }
  if (s.codes.length) {
    xml.ele("CodeBook").ele("Codes");
    addCodes(xml, childrenOf(s.codes), null, noteRefs);
    xml.up().up();
  }
  const variables = variablesOf(s);
  xml.ele("Variables");
  for (const v of variables) xml.ele("Variable", { guid: v.guid, name: v.field, typeOfVariable: v.type }).up();
  xml.up();

  const sources: { path: string; text: string }[] = [];
  const codingsByDoc = new Map<string, typeof s.codings>();
  for (const c of s.codings) codingsByDoc.set(c.documentId, [...(codingsByDoc.get(c.documentId) ?? []), c]);
  if (s.documents.length) {
    xml.ele("Sources");
    for (const d of s.documents) {
      const guid = stableGuid("source", d.id);
      sources.push({ path: `sources/${guid}.txt`, text: d.plainText });
      xml.ele("TextSource", {
        guid,
        name: xmlText(d.title),
        plainTextPath: `internal://${guid}.txt`,
        creationDateTime: iso(d.createdAt),
        modifiedDateTime: iso(d.updatedAt),
      });
      const map = positions === "utf16" ? new OffsetMap(d.plainText) : null;
      for (const c of codingsByDoc.get(d.id) ?? []) {
        const user = userGuid.get(c.coderId);
        xml.ele("PlainTextSelection", {
          guid: stableGuid("selection", c.id),
          name: xmlText(c.quote.length > 60 ? `${c.quote.slice(0, 60)}…` : c.quote),
          startPosition: String(map ? map.toUtf16(c.start) : c.start),
          endPosition: String(map ? map.toUtf16(c.end) : c.end),
          ...(user ? { creatingUser: user } : {}),
          creationDateTime: iso(c.createdAt),
          modifiedDateTime: iso(c.updatedAt),
        });
        if (c.comment) xml.ele("Description").txt(xmlText(c.comment)).up();
        xml.ele("Coding", { guid: stableGuid("coding", c.id), ...(user ? { creatingUser: user } : {}), creationDateTime: iso(c.createdAt) });
        xml.ele("CodeRef", { targetGUID: stableGuid("code", c.codeId) }).up();
        for (const note of noteRefs.get(c.id) ?? []) xml.ele("NoteRef", { targetGUID: note }).up();
        xml.up().up(); // Coding, PlainTextSelection
      }
      for (const note of noteRefs.get(d.id) ?? []) xml.ele("NoteRef", { targetGUID: note }).up();
      for (const v of variables) {
        const value = d[v.field];
        if (value === null || value === undefined || value === "") continue;
        xml.ele("VariableValue");
        xml.ele("VariableRef", { targetGUID: v.guid }).up();
        xml.ele(v.type === "Integer" ? "IntegerValue" : "TextValue").txt(xmlText(String(value))).up();
        xml.up();
      }
      xml.up(); // TextSource
    }
    xml.up(); // Sources
  }
  if (memos.length) {
    xml.ele("Notes");
    for (const m of memos) {
      const user = userGuid.get(m.authorId);
      xml.ele("Note", {
        guid: stableGuid("note", m.id),
        name: xmlText(m.title || m.kind),
        ...(user ? { creatingUser: user } : {}),
        creationDateTime: iso(m.createdAt),
        modifiedDateTime: iso(m.updatedAt),
      });
      xml.ele("PlainTextContent").txt(xmlText(m.body)).up();
      xml.up();
    }
    xml.up();
  }
  if (s.groups.length) writeSets(xml, s.groups, "targetGUID");
  if (s.project.description) xml.ele("Description").txt(xmlText(s.project.description)).up();
  for (const note of noteRefs.get("project") ?? []) xml.ele("NoteRef", { targetGUID: note }).up();
  xml.up().end();
  return sources;
}

/**
 * Code groups as `<Sets>`: the project schema names a member code by `targetGUID`, the codebook
 * schema by `guid`.
 */
function writeSets(xml: XMLBuilderCB, groups: ExportSnapshot["groups"], memberAttr: "targetGUID" | "guid") {
  xml.ele("Sets");
  for (const g of groups) {
    xml.ele("Set", { guid: stableGuid("set", g.id), name: xmlText(g.name) });
    if (g.labelZh) xml.ele("Description").txt(xmlText(g.labelZh)).up();
    for (const m of g.members) xml.ele("MemberCode", { [memberAttr]: stableGuid("code", m.codeId) }).up();
    xml.up();
  }
  xml.up();
}

/** `project.qde` of the snapshot as one string, and the source files it refers to (tests, small exports). */
export function buildQde(s: ExportSnapshot, opts: RefiOptions = {}): { xml: string; sources: { path: string; text: string }[] } {
  const chunks: string[] = [];
  const sources = writeQde(s, (c) => chunks.push(c), opts);
  return { xml: chunks.join(""), sources };
}

/** The codebook as a `.qdc` file. */
export function buildQdc(s: ExportSnapshot): string {
  const chunks: string[] = [];
  const xml = xmlWriter((c) => chunks.push(c));
  xml.ele(CODEBOOK_NS, "CodeBook", { origin: "Juncture" }).ele("Codes");
  addCodes(xml, childrenOf(s.codes), null, new Map());
  xml.up();
  // The schema needs at least one Set inside <Sets>: left out when there are no groups.
  if (s.groups.length) writeSets(xml, s.groups, "guid");
  xml.up().end();
  return chunks.join("");
}

/** XML chunks are this many characters or more when encoded and handed to the deflater (the writer's own chunks are tiny). */
const ZIP_CHUNK = 1 << 16;

/**
 * The `.qdpx` archive. `project.qde` is deflated as it is written, so neither a DOM nor the
 * whole XML string is held; only the compressed archive is.
 */
export function buildQdpx(s: ExportSnapshot, opts: RefiOptions = {}): Uint8Array {
  const mtime = s.project.updatedAt;
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's streaming Zip with synchronous ZipDeflate entries calls back before push() returns.
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const entry = (path: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  const qde = entry("project.qde");
  let pending: string[] = [];
  let pendingLength = 0;
  const sources = writeQde(
    s,
    (chunk) => {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= ZIP_CHUNK) {
        qde.push(strToU8(pending.join("")));
        pending = [];
        pendingLength = 0;
      }
    },
    opts,
  );
  qde.push(strToU8(pending.join("")), true);
  for (const src of sources) entry(src.path).push(strToU8(src.text), true);
  zip.end();
  if (failure) throw failure;
  let size = 0;
  for (const c of out) size += c.length;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
