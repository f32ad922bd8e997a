/**
 * OpenDocument text (.odt) → paragraphs. The package is a ZIP (fflate, lib/text/zip.ts)
 * whose content.xml is walked in document order with fast-xml-parser: every text:p and
 * text:h is a paragraph (also inside lists, tables and text boxes), text:s gives its
 * count of spaces, text:tab a tab, text:line-break a break. Footnotes, comments and
 * tracked deletions are left out, as for DOCX. Other whitespace in the XML collapses to
 * one space, as ODF prescribes. The title comes from meta.xml's dc:title.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Bilingual } from "../i18n/locale";
import type { ExtractedParagraphs } from "./canonical";
import { corruptPackage, openPackage, xmlText } from "./zip";

const CONTENT = "content.xml";
const META = "meta.xml";
const TEXT_MIMETYPES = new Set(["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"]);

/**
 * Elements whose text is not body text. Names keep their prefixes: without them svg:title
 * (an image's alt text) and text:title (a visible title field) would be one name. Every
 * ODF writer uses the prefixes the standard's examples use.
 */
const SKIPPED = new Set([
  "text:note", "office:annotation", "text:tracked-changes", "text:sequence-decls", "text:variable-decls",
  "text:user-field-decls", "office:forms", "svg:title", "svg:desc",
]);

const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

const plain = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, htmlEntities: true });

/** A node of fast-xml-parser's ordered output: { tag: children, ":@": attributes } or { "#text": … }. */
type Node = Record<string, unknown>;

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ":@");
}

function paragraphsOf(nodes: Node[]): string[] {
  const out: string[] = [];
  let line = "";
  const flush = () => {
    out.push(line);
    line = "";
  };
  const walk = (list: Node[]) => {
    for (const node of list) {
      const tag = tagOf(node);
      if (tag === undefined) continue;
      if (tag === "#text") {
        line += String(node[tag]).replace(/[ \t\r\n]+/g, " ");
        continue;
      }
      const children = Array.isArray(node[tag]) ? (node[tag] as Node[]) : [];
      const attrs = (node[":@"] ?? {}) as Record<string, string>;
      if (SKIPPED.has(tag)) continue;
      if (tag === "text:s") line += " ".repeat(Math.max(1, Number.parseInt(attrs["text:c"] ?? "1", 10) || 1));
      else if (tag === "text:tab") line += "\t";
      else if (tag === "text:line-break") flush();
      else if (tag === "text:p" || tag === "text:h") {
        flush();
        walk(children);
        flush();
      } else walk(children);
    }
  };
  walk(nodes);
  flush();
  return out;
}

/** The nodes inside office:body, or undefined when there is none. */
function body(nodes: Node[]): Node[] | undefined {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag === "#text" || !Array.isArray(node[tag])) continue;
    if (tag === "office:body") return node[tag] as Node[];
    const inner = body(node[tag] as Node[]);
    if (inner) return inner;
  }
  return undefined;
}

function metaTitle(xml: string | undefined): { title?: string; warnings: Bilingual[] } {
  if (xml === undefined) return { warnings: [] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      warnings: [
        {
          en: `the document properties (meta.xml) are malformed (${valid.err.msg}) and were ignored; the text is imported`,
          zh: "文档属性（meta.xml）格式有误，已忽略；正文已导入",
        },
      ],
    };
  }
  const parsed = plain.parse(xml) as { "document-meta"?: { meta?: { title?: unknown } } };
  const raw = parsed["document-meta"]?.meta?.title;
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  return { ...(title === "" ? {} : { title }), warnings: [] };
}

export function extractOdt(bytes: Uint8Array): ExtractedParagraphs {
  const { files, names } = openPackage(bytes, "ODT", (n) => n === CONTENT || n === META || n === "mimetype");
  const mimetype = files.mimetype ? xmlText(files.mimetype).trim() : undefined;
  if (mimetype !== undefined && !TEXT_MIMETYPES.has(mimetype)) {
    throw corruptPackage("ODT", `it is ${mimetype}, not an OpenDocument text`, `文件类型为 ${mimetype}，不是 OpenDocument 文本文档`);
  }
  const content = files[CONTENT];
  if (!content) {
    const what = names.includes("word/document.xml") ? " (it is a DOCX — rename it to .docx)" : "";
    throw corruptPackage("ODT", `${CONTENT} is missing — not an OpenDocument text${what}`, `缺少 ${CONTENT}，不是 OpenDocument 文本文档`);
  }
  const xml = xmlText(content);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw corruptPackage("ODT", `${CONTENT} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, `${CONTENT} 不是格式正确的 XML（第 ${valid.err.line} 行）`);
  }
  const nodes = body(ordered.parse(xml) as Node[]);
  if (!nodes) throw corruptPackage("ODT", `${CONTENT} has no office:body`, `${CONTENT} 缺少 office:body`);
  const meta = metaTitle(files[META] ? xmlText(files[META]) : undefined);
  return { paragraphs: paragraphsOf(nodes), title: meta.title, encoding: "UTF-8", warnings: meta.warnings };
}
