/**
 * HTML (typically a saved government web page) → the article's paragraphs.
 *
 * Decoding follows the browser's order: BOM, then a declared charset
 * (<meta charset>, http-equiv Content-Type, XML declaration), then detection.
 * The main text is the page's one content element when the page makes that plain (see
 * obviousArticle, read on htmlparser2's plain tree, which builds several times faster than a
 * DOM), else what @mozilla/readability finds on the linkedom document; when
 * Readability finds nothing usable, a cheerio pass keeps the whole page minus scripts
 * and furniture. Both paths end in the same walker, which turns blocks, list items and
 * <br> into paragraphs and drops nav/aside/form and the page's header/footer.
 * linkedom is a DOM without a browser: it has no script engine, event loop or resource
 * loader at all (so nothing on a page runs or is fetched), and it builds a page several
 * times faster than jsdom, which is what made HTML import cost twice a TXT import.
 * Only text leaves this module, so nothing executable can reach the canonical text.
 */
import { Readability } from "@mozilla/readability";
import * as cheerio from "cheerio";
import { hasChildren, isCDATA, isDocument, isTag, isText, type AnyNode, type Document as DhDocument, type Element as DhElement } from "domhandler";
import { findAll, findOne, removeElement, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { DOMParser } from "linkedom";
import { AppError, isAppError } from "../errors";
import type { ExtractedParagraphs } from "./canonical";
import { decodeText, detectBom, type DecodedText } from "./decode";
import { titleFromName } from "./title";

/** How far into the file a charset declaration is looked for (browsers use 1024; CMS pages put it later). */
const PRESCAN_BYTES = 4096;

/** Declared labels → the codec we decode with; the GBK family decodes as its superset GB18030. */
const CHARSET_ALIASES: Record<string, string> = {
  "utf-8": "UTF-8",
  utf8: "UTF-8",
  "unicode-1-1-utf-8": "UTF-8",
  gbk: "GB18030",
  "x-gbk": "GB18030",
  gb2312: "GB18030",
  gb_2312: "GB18030",
  "gb_2312-80": "GB18030",
  csgb2312: "GB18030",
  "euc-cn": "GB18030",
  cp936: "GB18030",
  "windows-936": "GB18030",
  gb18030: "GB18030",
  big5: "Big5",
  "big5-hkscs": "Big5",
  "x-x-big5": "Big5",
  // A <meta> readable as ASCII cannot sit in a UTF-16 file; browsers read such pages as UTF-8.
  "utf-16": "UTF-8",
  "utf-16le": "UTF-8",
  "utf-16be": "UTF-8",
};

/** Labels often declared by mistake on pages that really are GBK or UTF-8. */
const WESTERN_LABELS = new Set(["iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"]);

/** The charset a page declares in its first bytes, lower-cased, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString("latin1");
  const meta = head.match(/<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_\-:.]+)/i);
  if (meta?.[1]) return meta[1].toLowerCase();
  const xml = head.match(/^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-z0-9_\-:.]+)["']/i);
  return xml?.[1] ? xml[1].toLowerCase() : null;
}

function isPureAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

/** Decode HTML bytes: BOM, then declared charset (verified), then detection. */
export function decodeHtml(bytes: Uint8Array, opts: { encoding?: string } = {}): DecodedText {
  if (opts.encoding !== undefined && opts.encoding.trim() !== "") return decodeText(bytes, opts);
  if (bytes.length === 0 || detectBom(bytes) !== null) return decodeText(bytes);
  const label = declaredCharset(bytes);
  if (label === null) return decodeText(bytes);

  const codec = CHARSET_ALIASES[label];
  if (codec === "UTF-8") {
    // Valid UTF-8 decodes the same with or without the declaration, and the undeclared
    // path checks it in one pass (the forced one decodes twice).
    const detected = decodeText(bytes);
    if (detected.encoding === "UTF-8" && detected.confidence === 1) return detected;
  }
  if (codec === undefined && WESTERN_LABELS.has(label) && !isPureAscii(bytes)) {
    // A "latin1" page with high bytes is usually mislabelled Chinese: detection decides.
    try {
      const detected = decodeText(bytes);
      const note = {
        en: `page declares ${label}; decoded as ${detected.encoding}`,
        zh: `网页声明编码为 ${label}，实际按 ${detected.encoding} 解码`,
      };
      return { ...detected, warnings: [note, ...detected.warnings] };
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  try {
    const forced = decodeText(bytes, { encoding: codec ?? label });
    // A declared charset is as good as detection with full confidence.
    return { ...forced, confidence: 1 };
  } catch (e) {
    // Binary or empty input is refused whatever the page declares.
    const reason = isAppError(e) ? e.details?.reason : undefined;
    if (!isAppError(e) || reason === "binary" || reason === "empty") throw e;
    // Declared wrongly (or unknown label): fall back to detection and say so.
    const detected = decodeText(bytes);
    return {
      ...detected,
      warnings: [
        {
          en: `page declares charset ${label} but is not valid ${label}; decoded as ${detected.encoding}`,
          zh: `网页声明的编码 ${label} 与内容不符，已按 ${detected.encoding} 解码`,
        },
        ...detected.warnings,
      ],
    };
  }
}

// ---------------------------------------------------------------------------
// Walking a DOM into paragraphs. Works over DOM (linkedom) nodes and domhandler nodes
// (htmlparser2's tree, also cheerio's) through a small adapter, so every path produces
// paragraphs the same way.

type NodeAdapter<N> = {
  /** "text", "element" or "other" (comments, doctypes…). */
  kind(node: N): "text" | "element" | "other";
  tag(node: N): string;
  attr(node: N, name: string): string | null;
  children(node: N): Iterable<N>;
  text(node: N): string;
};

/** Block-level elements: their start and end are paragraph boundaries. */
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul", "html",
]);

/** Never text: executable, embedded, form-control and metadata elements. */
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
  "svg", "math", "canvas", "video", "audio", "button", "select", "option", "textarea", "input", "head",
  "title", "meta", "link", "base",
]);

/**
 * Page furniture, dropped on both paths (on short pages Readability keeps the whole
 * body, navigation included). <header>/<footer> inside an <article> or <main> belong
 * to the text (an article's own heading) and are kept.
 */
const FURNITURE_TAGS = new Set(["nav", "aside", "form", "menu"]);
const PAGE_FRAME_TAGS = new Set(["header", "footer"]);
const CONTENT_TAGS = new Set(["article", "main"]);
const FURNITURE_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "menu", "menubar"]);

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027]/u;

/**
 * HTML whitespace collapsing for one line. A source line break between two CJK
 * characters is dropped rather than turned into a space (Chinese has no spaces; CMS
 * editors hard-wrap their HTML).
 */
function collapseWhitespace(line: string): string {
  return line.replace(/[ \t\n\r\f]+/g, (run: string, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + run.length] ?? "";
    if (/[\n\r]/.test(run) && CJK.test(before) && CJK.test(after)) return "";
    return " ";
  });
}

function isHidden<N>(a: NodeAdapter<N>, node: N): boolean {
  if (a.attr(node, "hidden") !== null || a.attr(node, "aria-hidden") === "true") return true;
  const style = a.attr(node, "style");
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function paragraphsOf<N>(a: NodeAdapter<N>, root: N, wholeIsContent = false): string[] {
  const out: string[] = [];
  let line = "";
  const flush = () => {
    const t = collapseWhitespace(line).trim();
    if (t !== "") out.push(t);
    line = "";
  };
  const walk = (node: N, inPre: boolean, inContent: boolean) => {
    const kind = a.kind(node);
    if (kind === "text") {
      if (!inPre) {
        line += a.text(node);
        return;
      }
      // <pre> keeps its own line breaks.
      const parts = a.text(node).split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) flush();
        line += part;
      });
      return;
    }
    if (kind !== "element") return;
    const tag = a.tag(node);
    if (SKIP_TAGS.has(tag) || FURNITURE_TAGS.has(tag) || isHidden(a, node)) return;
    if (PAGE_FRAME_TAGS.has(tag) && !inContent) return;
    if (FURNITURE_ROLES.has(a.attr(node, "role") ?? "")) return;
    if (tag === "br") {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of a.children(node)) walk(child, inPre || tag === "pre", inContent || CONTENT_TAGS.has(tag));
    if (block) flush();
  };
  walk(root, false, wholeIsContent);
  flush();
  return out;
}

const domAdapter: NodeAdapter<Node> = {
  kind: (n) => (n.nodeType === 3 || n.nodeType === 4 ? "text" : n.nodeType === 1 ? "element" : "other"),
  tag: (n) => (n as Element).localName.toLowerCase(),
  attr: (n, name) => (n.nodeType === 1 ? (n as Element).getAttribute(name) : null),
  // Sibling links rather than childNodes: linkedom builds a new array for every childNodes read.
  children: function* (n) {
    for (let c = n.firstChild; c !== null; c = c.nextSibling) yield c;
  },
  text: (n) => n.nodeValue ?? "",
};

const domhandlerAdapter: NodeAdapter<AnyNode> = {
  // domhandler types <script>/<style> apart from other tags (isTag covers all three); the root is walked as <body>.
  kind: (n) => (isText(n) ? "text" : isTag(n) || isCDATA(n) || isDocument(n) ? "element" : "other"),
  tag: (n) => (isDocument(n) ? "body" : isTag(n) ? n.name.toLowerCase() : ""),
  attr: (n, name) => (isTag(n) ? (n.attribs[name] ?? null) : null),
  children: (n) => (hasChildren(n) ? n.children : []),
  text: (n) => (isText(n) ? n.data : ""),
};

function cleanTitle(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

/** The nearest element parent (null at the document root). */
function parentElementOf(node: AnyNode): DhElement | null {
  const p = node.parent;
  return p && isTag(p) ? p : null;
}

/** `el` or its nearest ancestor whose tag is in `tags`, as Element.closest does. */
function closestOf(el: DhElement | null, tags: ReadonlySet<string>): DhElement | null {
  for (let e = el; e !== null; e = parentElementOf(e)) if (tags.has(e.name)) return e;
  return null;
}

const TITLE_EXCLUDED = new Set(["header", "nav", "footer", "aside"]);

/**
 * The document's title: an <h1> outside the page header/nav (the article heading), else
 * the <title> read by the same rule as file names (titleFromName: separators become
 * spaces, a trailing site name such as "…_政策文件_XX市人民政府" is dropped).
 */
function findTitle(doc: DhDocument): string | undefined {
  for (const h1 of findAll((e) => e.name === "h1", doc.children)) {
    if (closestOf(h1, TITLE_EXCLUDED)) continue;
    const t = cleanTitle(textContent(h1));
    if (Array.from(t).length >= 2) return t;
  }
  const titleEl = findOne((e) => e.name === "title", doc.children);
  const title = titleFromName(cleanTitle(titleEl ? textContent(titleEl) : ""));
  return title === "" ? undefined : title;
}

// ---------------------------------------------------------------------------
// The obvious article. Government pages nearly always hold the whole text in one
// content element (#zoom, .TRS_Editor, article …) made of <p>s. When the page says
// so this plainly, that element is walked directly; Readability — by far the most
// expensive step of an HTML import — runs only for pages that are not so plain.

/** Share of the page's <p> text the article element must hold. */
const ARTICLE_SHARE = 0.9;
/** Share of the article element's own text that must sit in <p>s (the rest: headings, date lines). */
const PARAGRAPH_SHARE = 0.8;
/** Below this many characters of <p> text a page is short enough for Readability's judgement. */
const OBVIOUS_MIN_CHARS = 500;
/** A block inside the article that is mostly link text (print / close / share buttons) is dropped. */
const LINK_BLOCK_DENSITY = 0.5;

/** Characters that count as text: anything but whitespace (HTML's, U+3000 and NBSP). */
function visibleLength(s: string | null): number {
  if (s === null) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

/** Whether an element is page furniture the walker drops, memoised (every <p> asks for each ancestor). */
function furnitureTest(): (el: DhElement) => boolean {
  const memo = new Map<DhElement, boolean>();
  const test = (el: DhElement): boolean => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    const tag = el.name; // htmlparser2 lower-cases HTML tag names
    const result =
      FURNITURE_TAGS.has(tag) ||
      SKIP_TAGS.has(tag) ||
      FURNITURE_ROLES.has(el.attribs.role ?? "") ||
      (PAGE_FRAME_TAGS.has(tag) && closestOf(parentElementOf(el), CONTENT_TAGS) === null);
    memo.set(el, result);
    return result;
  };
  return test;
}

/** The element holding the article when the page makes it plain (see above), else null. */
function obviousArticle(doc: DhDocument): DhElement | null {
  const mass = new Map<DhElement, number>();
  const isFurniture = furnitureTest();
  let total = 0;
  for (const p of findAll((e) => e.name === "p", doc.children)) {
    const ancestors: DhElement[] = [];
    let furniture = false;
    for (let el = parentElementOf(p); el !== null; el = parentElementOf(el)) {
      if (isFurniture(el)) {
        furniture = true;
        break;
      }
      ancestors.push(el);
    }
    if (furniture) continue;
    const n = visibleLength(textContent(p));
    total += n;
    for (const el of ancestors) mass.set(el, (mass.get(el) ?? 0) + n);
  }
  const body = findOne((e) => e.name === "body", doc.children);
  if (total < OBVIOUS_MIN_CHARS || !body) return null;
  // Descend from <body> while one child still holds the required share.
  let article: DhElement = body;
  for (;;) {
    const next = article.children.find((c): c is DhElement => isTag(c) && (mass.get(c) ?? 0) >= total * ARTICLE_SHARE);
    if (!next) break;
    article = next;
  }
  const own = visibleLength(textContent(article));
  if ((mass.get(article) ?? 0) < own * PARAGRAPH_SHARE) return null;
  return article;
}

const LINK_BLOCK_TAGS = new Set(["div", "ul", "ol", "table", "section"]);

/** Drops blocks inside the article that are mostly links (print, close, share, related lists). */
function dropLinkBlocks(article: DhElement): void {
  for (const block of findAll((e) => LINK_BLOCK_TAGS.has(e.name), article.children)) {
    const text = visibleLength(textContent(block));
    if (text === 0) continue;
    const links = findAll((e) => e.name === "a", block.children).reduce((n, a) => n + visibleLength(textContent(a)), 0);
    if (links / text > LINK_BLOCK_DENSITY) removeElement(block);
  }
}

function obviousArticleParagraphs(doc: DhDocument): string[] | null {
  const article = obviousArticle(doc);
  if (!article) return null;
  dropLinkBlocks(article);
  return paragraphsOf(domhandlerAdapter, article);
}

function readabilityParagraphs(doc: Document): string[] | null {
  const article = new Readability<Node>(doc, {
    // Government notices can be short; let Readability return its best candidate anyway.
    charThreshold: 20,
    serializer: (node) => node,
  }).parse();
  if (!article?.content) return null;
  return paragraphsOf(domAdapter, article.content);
}

function fallbackParagraphs(html: string): string[] {
  const $ = cheerio.load(html);
  $([...SKIP_TAGS].join(",")).remove();
  // Furniture marked by class instead of element (the walker drops nav, aside, header…).
  $(".nav, .navbar, .menu, .breadcrumb, .footer, .header, #nav, #footer, #header").remove();
  const root = $("body").get(0) ?? $.root().get(0);
  return root ? paragraphsOf(domhandlerAdapter, root) : [];
}

function textLength(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/**
 * The page as a DOM document that is inert by construction: linkedom only parses (no
 * script runs, no on* handler fires, no script, stylesheet, image or iframe is fetched).
 */
export function parseHtmlSafely(html: string): Document {
  // linkedom's own Document type is a subset of lib.dom's; Readability and the walker
  // use only what it implements (tests/text/html.test.ts runs them on real pages).
  return new DOMParser().parseFromString(html, "text/html") as unknown as Document;
}

/**
 * Every paragraph of a page that is all content (an EPUB chapter): no article detection,
 * and <header>/<footer> count as text (a chapter's heading often sits in one); scripts,
 * navigation and hidden elements are still dropped.
 */
export function wholePageParagraphs(html: string): string[] {
  const doc = parseHtmlSafely(html);
  const root = doc.body ?? doc.documentElement;
  return root ? paragraphsOf(domAdapter, root as Node, true) : [];
}

export function extractHtml(bytes: Uint8Array, opts: { encoding?: string } = {}): ExtractedParagraphs {
  const decoded = decodeHtml(bytes, opts);
  const html = decoded.text;
  try {
    // The title and the obvious article are read from htmlparser2's plain tree; the fuller
    // DOM that Readability needs (linkedom) is built only for pages that are not so plain.
    const tree = parseDocument(html);
    const title = findTitle(tree);
    const warnings = [...decoded.warnings];
    const obvious = obviousArticleParagraphs(tree);
    if (obvious !== null) return { paragraphs: obvious, title, encoding: decoded.encoding, warnings };
    const main = readabilityParagraphs(parseHtmlSafely(html));
    // Trust Readability unless it kept almost nothing of what the page holds.
    if (main !== null && textLength(main) >= 200) return { paragraphs: main, title, encoding: decoded.encoding, warnings };
    const fallback = fallbackParagraphs(html);
    if (main !== null && textLength(main) >= textLength(fallback) * 0.3) {
      return { paragraphs: main, title, encoding: decoded.encoding, warnings };
    }
    if (fallback.length > 0) {
      warnings.push({
        en: "main article not recognised; kept all page text except navigation",
        zh: "未识别出正文，已保留除导航外的全部文本",
      });
    }
    return { paragraphs: fallback, title, encoding: decoded.encoding, warnings };
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError("unprocessable", { en: `cannot parse HTML: ${e instanceof Error ? e.message : String(e)}`, zh: "无法解析 HTML" });
  }
}
