/**
 * EPUB → paragraphs: META-INF/container.xml names the package document (OPF); its
 * spine gives the reading order of the (X)HTML chapters listed in its manifest. Each
 * chapter is decoded and walked like an HTML page (lib/text/html.ts), but as a whole:
 * a chapter is all content, so no article detection. Non-linear spine items (notes,
 * answers) are auxiliary content by the standard's definition and are left out. The
 * title is the OPF's first dc:title.
 */
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Bilingual } from "../i18n/locale";
import type { ExtractedParagraphs } from "./canonical";
import { decodeHtml, wholePageParagraphs } from "./html";
import { corruptPackage, openPackage, xmlText } from "./zip";

const CONTAINER = "META-INF/container.xml";
const ENCRYPTION = "META-INF/encryption.xml";
const CHAPTER_TYPES = new Set(["application/xhtml+xml", "text/html"]);
/** Parts worth inflating: package XML and (X)HTML; images, fonts and media are not. */
const TEXT_PART = /\.(xml|opf|xhtml|xht|html|htm)$/i;

/** What converters write when a book has no title (LibreOffice: "Unknown Title", Calibre: "Unknown"). */
const PLACEHOLDER_TITLES = new Set(["unknown title", "unknown", "untitled"]);

const ARRAYS = new Set(["rootfile", "item", "itemref", "title", "EncryptedData"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type X = Record<string, unknown>;
const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v ? [v as X] : []);
const text = (v: unknown): string => (typeof v === "string" ? v : v && typeof v === "object" && "#text" in (v as X) ? String((v as X)["#text"]) : "");
const corrupt = (en: string, zh: string) => corruptPackage("EPUB", en, zh);

function parseXml(files: Record<string, Uint8Array>, name: string): X {
  const bytes = files[name];
  if (!bytes) throw corrupt(`${name} is missing — not an EPUB`, `缺少 ${name}，不是 EPUB 电子书`);
  const xml = xmlText(bytes);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw corrupt(`${name} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, `${name} 不是格式正确的 XML（第 ${valid.err.line} 行）`);
  }
  return parser.parse(xml) as X;
}

/** A manifest href (relative to the OPF, URL-encoded, maybe with a fragment) → the ZIP entry name. */
function resolve(opfPath: string, href: string): string {
  let decoded = href.split("#")[0] ?? "";
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A stray "%" in a file name: use the href as written.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(opfPath), decoded)).replace(/^(\.\/)+/, "");
}

export function extractEpub(bytes: Uint8Array): ExtractedParagraphs {
  const { files, names } = openPackage(bytes, "EPUB", (n) => n === "mimetype" || TEXT_PART.test(n));
  const mimetype = files.mimetype ? xmlText(files.mimetype).trim() : undefined;
  if (mimetype !== undefined && mimetype !== "application/epub+zip") {
    throw corrupt(`it is ${mimetype}, not an EPUB`, `文件类型为 ${mimetype}，不是 EPUB 电子书`);
  }
  const container = parseXml(files, CONTAINER);
  const rootfiles = arr(((container.container as X | undefined)?.rootfiles as X | undefined)?.rootfile);
  const rootfile = rootfiles.find((r) => r["media-type"] === "application/oebps-package+xml") ?? rootfiles[0];
  const opfPath = typeof rootfile?.["full-path"] === "string" ? rootfile["full-path"] : "";
  if (opfPath === "") throw corrupt(`${CONTAINER} names no package document`, `${CONTAINER} 未指明包文件（OPF）`);

  const pkg = parseXml(files, opfPath).package as X | undefined;
  if (!pkg) throw corrupt(`${opfPath} has no <package> element`, `${opfPath} 缺少 <package> 元素`);
  const manifest = new Map(arr((pkg.manifest as X | undefined)?.item).map((i) => [String(i.id ?? ""), i]));
  const spine = arr((pkg.spine as X | undefined)?.itemref).filter((r) => r.linear !== "no");
  if (spine.length === 0) throw corrupt(`${opfPath} lists no chapters in its spine`, `${opfPath} 的 spine 中没有章节`);

  const encrypted = new Set(
    files[ENCRYPTION]
      ? arr((parseXml(files, ENCRYPTION).encryption as X | undefined)?.EncryptedData).map((d) =>
          resolve("", String(((d.CipherData as X | undefined)?.CipherReference as X | undefined)?.URI ?? "")),
        )
      : [],
  );

  const paragraphs: string[] = [];
  const warnings: Bilingual[] = [];
  for (const ref of spine) {
    const idref = String(ref.idref ?? "");
    const item = manifest.get(idref);
    if (!item) throw corrupt(`the spine names “${idref}”, which the manifest does not list`, `spine 引用的“${idref}”不在 manifest 中`);
    const entry = resolve(opfPath, String(item.href ?? ""));
    const type = String(item["media-type"] ?? "");
    if (!CHAPTER_TYPES.has(type)) {
      warnings.push({ en: `skipped ${entry}: its type ${type} is not (X)HTML`, zh: `已跳过 ${entry}：类型 ${type} 不是 (X)HTML` });
      continue;
    }
    if (encrypted.has(entry)) {
      throw corrupt(`${entry} is encrypted (DRM-protected book) — only unprotected EPUBs can be imported`, `${entry} 已加密（受 DRM 保护），只能导入未加密的 EPUB`);
    }
    const chapter = files[entry];
    if (!chapter) {
      const why = names.includes(entry) ? "is not named .xhtml/.html" : "is missing";
      throw corrupt(`chapter ${entry} ${why}`, `章节 ${entry} 缺失或无法读取`);
    }
    paragraphs.push(...wholePageParagraphs(decodeHtml(chapter).text));
  }
  const titles = arr((pkg.metadata as X | undefined)?.title).map(text).map((t) => t.replace(/\s+/g, " ").trim());
  const title = titles.find((t) => t !== "" && !PLACEHOLDER_TITLES.has(t.toLowerCase()));
  return { paragraphs, ...(title ? { title } : {}), encoding: "UTF-8", warnings };
}
