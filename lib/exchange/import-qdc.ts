/**
 * Import of a REFI-QDA codebook (`.qdc`) into an existing project, in one transaction.
 *
 * - Codes keep their hierarchy, colours and descriptions (our export's "中文: …" lines go back
 *   into labels, any other text into the definition: parseCodeDescription); sets become code
 *   groups. The code and set parsing is the QDPX reader's (lib/exchange/qdpx-read.ts).
 * - Validation is lenient, as other tools' codebooks often do not validate (Taguette writes
 *   an empty `<Sets/>`): what the schema would reject but can be read is imported and reported.
 *   Only input that is not a codebook at all (not XML, another root element) is refused.
 * - A code whose short name already exists in the project (ignoring case, as short names are
 *   unique that way) is reused, not duplicated or overwritten, and reported; codes under it
 *   go under the existing code. So importing the same file twice adds nothing.
 */
import { shortNameKey } from "../codebook/names";
import type { Db } from "../db/client";
import { findCodeGroupByName, inTransaction, insertCode, insertCodeGroup, insertMemberships, listCodeSkeleton, listMembershipsOfGroup, projectExists } from "../db/codes";
import { AppError } from "../errors";
import { parseCodeDescription } from "./import-qdpx";
import { decoder, parseXml, readCodes, readSets, refuse, type QdpxCode, type X } from "./qdpx-read";
import { CODEBOOK_NS } from "./refi";

export type QdcCodebook = {
  origin: string;
  codes: QdpxCode[];
  sets: ReturnType<typeof readSets>;
  warnings: string[];
};

export type QdcImportReport = {
  projectId: string;
  origin: string;
  /** codes: created; reused: already in the project by short name; groups: created; memberships: added to new or existing groups. */
  imported: { codes: number; reused: number; groups: number; memberships: number };
  /** What was adjusted, reused or left out, one line each (English). */
  notes: string[];
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Our limits (lib/codebook/schemas.ts): longer text is cut with a note rather than refused.
const MAX_NAME = 64;
const MAX_LABEL = 200;
const MAX_TEXT = 5000;
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Reads a `.qdc`: refuses what is not a codebook, warns about what does not follow the schema. */
export function readQdc(bytes: Uint8Array): QdcCodebook {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw refuse("this is a ZIP archive (a .qdpx project?), not a .qdc codebook; import it as a project", "这是 ZIP 压缩包（.qdpx 项目？），不是 .qdc 代码本；请作为项目导入");
  }
  const xml = decoder.decode(bytes);
  if (!xml.trimStart().startsWith("<")) throw refuse("not a .qdc codebook: the file is not XML", "不是 .qdc 代码本：文件不是 XML");
  const doc = parseXml(xml, "the .qdc file");
  const roots = Object.keys(doc).filter((k) => k !== "?xml" && !k.startsWith("#") && !k.startsWith("!"));
  const cb = doc.CodeBook as X | string | undefined;
  if (cb === undefined) {
    const found = roots[0] ? `<${roots[0]}>` : "no element";
    throw refuse(`not a .qdc codebook: the root element is ${found}, expected <CodeBook>`, `不是 .qdc 代码本：根元素是 ${found}，应为 <CodeBook>`);
  }
  const root = typeof cb === "object" ? cb : {};
  const warnings: string[] = [];
  const ns = /<(?:[\w.-]+:)?CodeBook\b[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml)?.[1];
  if (ns !== CODEBOOK_NS) warnings.push(`the codebook's namespace is ${ns ? `“${ns}”` : "missing"}, not ${CODEBOOK_NS}; read anyway`);
  const codes = readCodes(typeof root.Codes === "object" ? (root.Codes as X) : undefined, warnings);
  if (codes.length === 0) warnings.push("the codebook has no codes");
  if (root.Sets !== undefined && readSets(root.Sets).length === 0) warnings.push("empty <Sets> (the schema wants at least one <Set>); ignored");
  const sets = readSets(root.Sets);
  return { origin: String(root.origin ?? ""), codes, sets, warnings };
}

function cut(value: string, max: number, what: string, notes: string[]): string {
  const cps = Array.from(value.trim());
  if (cps.length <= max) return value.trim();
  notes.push(`${what} is longer than ${max} characters; cut`);
  return cps.slice(0, max).join("");
}

/** Imports a `.qdc` codebook into the project: all or nothing. */
export async function importQdc(db: Db, input: { bytes: Uint8Array; projectId: string }): Promise<QdcImportReport> {
  const q = readQdc(input.bytes);
  const notes = [...q.warnings];

  // Names, fields and GUIDs are settled before the transaction, which then only reads and writes.
  const fileKeys = new Set<string>(); // short-name keys used in the file so far
  const byGuid = new Map<string, QdpxCode>();
  const prepared: { code: QdpxCode; shortName: string; fields: ReturnType<typeof fieldsOf> }[] = [];
  function fieldsOf(c: QdpxCode, shortName: string) {
    const parsed = parseCodeDescription(c.description);
    const label = (k: "labelZh" | "labelEn") => cut(parsed[k] ?? "", MAX_LABEL, `code “${shortName}”: ${k}`, notes);
    const text = (k: "definition" | "inclusion" | "exclusion" | "example") => cut(parsed[k] ?? "", MAX_TEXT, `code “${shortName}”: ${k}`, notes);
    return {
      shortName,
      labelZh: label("labelZh"),
      labelEn: label("labelEn"),
      definition: text("definition"),
      inclusion: text("inclusion"),
      exclusion: text("exclusion"),
      example: text("example"),
      ...(c.color ? { color: normalizeColor(c.color) } : {}),
    };
  }
  for (const [i, c] of q.codes.entries()) {
    if (!GUID.test(c.guid)) notes.push(`code “${c.name}” has no valid guid${c.guid ? ` (“${c.guid}”)` : ""}; imported`);
    if (c.guid && byGuid.has(c.guid)) notes.push(`code “${c.name}” repeats the guid ${c.guid}; set members refer to the first`);
    else if (c.guid) byGuid.set(c.guid, c);
    let base = c.name.normalize("NFKC").replace(CONTROL, " ").trim();
    if (base !== c.name.trim()) notes.push(`code “${c.name}” is named “${base}” (no line breaks or tabs; full-width letters folded)`);
    if (!base) {
      base = `code ${i + 1}`;
      notes.push(`code ${c.guid || i + 1} has no name; named “${base}”`);
    }
    base = cut(base, MAX_NAME, `the name of code “${base}”`, notes);
    // Two codes of one file with the same name (under different parents) stay two codes.
    let shortName = base;
    for (let n = 2; fileKeys.has(shortNameKey(shortName)); n++) shortName = `${Array.from(base).slice(0, MAX_NAME - 6).join("")} (${n})`;
    fileKeys.add(shortNameKey(shortName));
    if (shortName !== base) notes.push(`code “${base}” appears more than once in the file; the repeat is named “${shortName}”`);
    prepared.push({ code: c, shortName, fields: fieldsOf(c, shortName) });
  }

  return inTransaction(db, async (tx) => {
    if (!(await projectExists(tx, input.projectId))) {
      throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId: input.projectId });
    }
    const existing = await listCodeSkeleton(tx, input.projectId);
    const idByKey = new Map(existing.map((c) => [shortNameKey(c.shortName), c.id]));
    const nextOrder = new Map<string | null, number>();
    for (const c of existing) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.sortOrder + 1));
    const idByGuid = new Map<string, string>();
    const counts = { codes: 0, reused: 0, groups: 0, memberships: 0 };
    for (const p of prepared) {
      const key = shortNameKey(p.shortName);
      const known = idByKey.get(key); // names are unique within the file, so only an existing code matches
      if (known) {
        counts.reused++;
        notes.push(`code “${p.shortName}” already exists in the project; reused as it is`);
        if (p.code.guid && !idByGuid.has(p.code.guid)) idByGuid.set(p.code.guid, known);
        continue;
      }
      const parentId = p.code.parentGuid ? (idByGuid.get(p.code.parentGuid) ?? null) : null;
      const sortOrder = nextOrder.get(parentId) ?? 0;
      nextOrder.set(parentId, sortOrder + 1);
      const row = await insertCode(tx, { projectId: input.projectId, parentId, ...p.fields, sortOrder });
      if (p.code.guid && !idByGuid.has(p.code.guid)) idByGuid.set(p.code.guid, row.id);
      counts.codes++;
    }
    for (const s of q.sets) {
      const name = s.name.replace(CONTROL, " ").trim() || "set";
      const members: string[] = [];
      for (const g of s.codeGuids) {
        const id = idByGuid.get(g);
        if (id) members.push(id);
        else notes.push(`set “${name}”: member ${g || "(no guid)"} is not a code of the file; left out`);
      }
      if (members.length === 0) {
        notes.push(`set “${name}” has no codes; left out`);
        continue;
      }
      let group = await findCodeGroupByName(tx, input.projectId, name);
      if (group) {
        notes.push(`code group “${name}” already exists; its members are added to it`);
      } else {
        group = await insertCodeGroup(tx, { projectId: input.projectId, name, labelZh: cut(s.description, MAX_LABEL, `set “${name}”: description`, notes) });
        counts.groups++;
      }
      const already = new Set((await listMembershipsOfGroup(tx, group.id)).map((m) => m.codeId));
      counts.memberships += await insertMemberships(
        tx,
        [...new Set(members)].filter((id) => !already.has(id)).map((codeId) => ({ groupId: group.id, codeId })),
      );
    }
    return { projectId: input.projectId, origin: q.origin, imported: counts, notes };
  });
}

/** `#rgb` → `#rrggbb`, lower case, as codes store colours. */
function normalizeColor(c: string): string {
  const hex = c.slice(1).toLowerCase();
  return hex.length === 3 ? `#${hex[0]}${hex[0]}${hex[1]}${hex[1]}${hex[2]}${hex[2]}` : `#${hex}`;
}
