/**
 * The DOM (xmlbuilder2 `create`) writer of project.qde and .qdc as it was before the streaming
 * writer replaced it: kept only as the golden the streaming output must equal byte for byte.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { stableGuid } from "../../lib/exchange/guid";
import { codeDescription, CODEBOOK_NS, PROJECT_NS, xmlText, type RefiOptions } from "../../lib/exchange/refi";
import { METADATA_FIELDS, type ExportCode, type ExportSnapshot } from "../../lib/exchange/snapshot";
import { OffsetMap } from "../../lib/text/offsets";

const RGB = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;
const iso = (d: Date) => d.toISOString();

function childrenOf(codes: ExportCode[]): Map<string | null, ExportCode[]> {
  const known = new Set(codes.map((c) => c.id));
  const out = new Map<string | null, ExportCode[]>();
  for (const c of codes) {
    const parent = c.parentId && known.has(c.parentId) ? c.parentId : null;
    out.set(parent, [...(out.get(parent) ?? []), c]);
  }
  return out;
}

function addCodes(parent: XMLBuilder, tree: Map<string | null, ExportCode[]>, parentId: string | null, noteRefs: Map<string, string[]>) {
  for (const c of tree.get(parentId) ?? []) {
    const attrs: Record<string, string> = { guid: stableGuid("code", c.id), name: xmlText(c.shortName), isCodable: "true" };
    if (RGB.test(c.color)) attrs.color = c.color;
    const el = parent.ele("Code", attrs);
    const description = codeDescription(c);
    if (description) el.ele("Description").txt(xmlText(description));
    for (const note of noteRefs.get(c.id) ?? []) el.ele("NoteRef", { targetGUID: note });
    addCodes(el, tree, c.id, noteRefs);
  }
}

type Variable = { field: (typeof METADATA_FIELDS)[number]; guid: string; type: "Text" | "Integer" };

function variablesOf(s: ExportSnapshot): Variable[] {
  return METADATA_FIELDS.map((field) => ({ field, guid: stableGuid("variable", `${s.project.id}:${field}`), type: field === "year" ? "Integer" : "Text" }));
}

/** `project.qde` of the snapshot, and the source files it refers to. */
export function buildQdeDom(s: ExportSnapshot, opts: RefiOptions = {}): { xml: string; sources: { path: string; text: string }[] } {
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

  const root = create({ version: "1.0", encoding: "utf-8" }).ele(PROJECT_NS, "Project", {
    name: xmlText(s.project.name),
    origin: "Juncture",
    creationDateTime: iso(s.project.createdAt),
    modifiedDateTime: iso(s.project.updatedAt),
  });
  if (s.users.length) {
    const users = root.ele("Users");
    for (const u of s.users) users.ele("User", { guid: userGuid.get(u.id)!, name: xmlText(u.name), id: u.id }); // every user has a GUID (map built from s.users)
  }
  if (s.codes.length) addCodes(root.ele("CodeBook").ele("Codes"), childrenOf(s.codes), null, noteRefs);
  const variables = variablesOf(s);
  const vars = root.ele("Variables");
  for (const v of variables) vars.ele("Variable", { guid: v.guid, name: v.field, typeOfVariable: v.type });

  const sources: { path: string; text: string }[] = [];
  const codingsByDoc = new Map<string, typeof s.codings>();
  for (const c of s.codings) codingsByDoc.set(c.documentId, [...(codingsByDoc.get(c.documentId) ?? []), c]);
  if (s.documents.length) {
    const sourcesEl = root.ele("Sources");
    for (const d of s.documents) {
      const guid = stableGuid("source", d.id);
      sources.push({ path: `sources/${guid}.txt`, text: d.plainText });
      const src = sourcesEl.ele("TextSource", {
        guid,
        name: xmlText(d.title),
        plainTextPath: `internal://${guid}.txt`,
        creationDateTime: iso(d.createdAt),
        modifiedDateTime: iso(d.updatedAt),
      });
      const map = positions === "utf16" ? new OffsetMap(d.plainText) : null;
      for (const c of codingsByDoc.get(d.id) ?? []) {
        const user = userGuid.get(c.coderId);
        const sel = src.ele("PlainTextSelection", {
          guid: stableGuid("selection", c.id),
          name: xmlText(c.quote.length > 60 ? `${c.quote.slice(0, 60)}…` : c.quote),
          startPosition: String(map ? map.toUtf16(c.start) : c.start),
          endPosition: String(map ? map.toUtf16(c.end) : c.end),
          ...(user ? { creatingUser: user } : {}),
          creationDateTime: iso(c.createdAt),
          modifiedDateTime: iso(c.updatedAt),
        });
        if (c.comment) sel.ele("Description").txt(xmlText(c.comment));
        const coding = sel.ele("Coding", { guid: stableGuid("coding", c.id), ...(user ? { creatingUser: user } : {}), creationDateTime: iso(c.createdAt) });
        coding.ele("CodeRef", { targetGUID: stableGuid("code", c.codeId) });
        for (const note of noteRefs.get(c.id) ?? []) coding.ele("NoteRef", { targetGUID: note });
      }
      for (const note of noteRefs.get(d.id) ?? []) src.ele("NoteRef", { targetGUID: note });
      for (const v of variables) {
        const value = d[v.field];
        if (value === null || value === undefined || value === "") continue;
        const vv = src.ele("VariableValue");
        vv.ele("VariableRef", { targetGUID: v.guid });
        vv.ele(v.type === "Integer" ? "IntegerValue" : "TextValue").txt(xmlText(String(value)));
      }
    }
  }
  if (memos.length) {
    const notes = root.ele("Notes");
    for (const m of memos) {
      const user = userGuid.get(m.authorId);
      const note = notes.ele("Note", {
        guid: stableGuid("note", m.id),
        name: xmlText(m.title || m.kind),
        ...(user ? { creatingUser: user } : {}),
        creationDateTime: iso(m.createdAt),
        modifiedDateTime: iso(m.updatedAt),
      });
      note.ele("PlainTextContent").txt(xmlText(m.body));
    }
  }
  if (s.groups.length) {
    const sets = root.ele("Sets");
    for (const g of s.groups) {
      const set = sets.ele("Set", { guid: stableGuid("set", g.id), name: xmlText(g.name) });
      if (g.labelZh) set.ele("Description").txt(xmlText(g.labelZh));
      for (const m of g.members) set.ele("MemberCode", { targetGUID: stableGuid("code", m.codeId) });
    }
  }
  if (s.project.description) root.ele("Description").txt(xmlText(s.project.description));
  for (const note of noteRefs.get("project") ?? []) root.ele("NoteRef", { targetGUID: note });
  return { xml: root.end({ prettyPrint: true }), sources };
}

/** The codebook as a `.qdc` file. */
export function buildQdcDom(s: ExportSnapshot): string {
  const root = create({ version: "1.0", encoding: "utf-8" }).ele(CODEBOOK_NS, "CodeBook", { origin: "Juncture" });
  addCodes(root.ele("Codes"), childrenOf(s.codes), null, new Map());
  // The schema needs at least one Set inside <Sets>: left out when there are no groups.
  if (s.groups.length) {
    const sets = root.ele("Sets");
    for (const g of s.groups) {
      const set = sets.ele("Set", { guid: stableGuid("set", g.id), name: xmlText(g.name) });
      if (g.labelZh) set.ele("Description").txt(xmlText(g.labelZh));
      for (const m of g.members) set.ele("MemberCode", { guid: stableGuid("code", m.codeId) });
    }
  }
  return root.end({ prettyPrint: true });
}

