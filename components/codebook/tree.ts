import type { Locale } from "@/lib/i18n/locale";
import type { CodeNode } from "@/lib/codebook/types";

/**
 * Client-side walks over the codebook tree the server sends (lib/codebook getCodebook).
 * The tree is small (hundreds of codes), so filtering happens in the browser, instantly.
 */

// One flatten for server and browser: lib's (it imports types only, so it bundles cleanly).
export { flattenCodebook as flatten } from "@/lib/codebook/flatten-codebook";
export type { FlatCodeNode as FlatCode } from "@/lib/codebook/types";

/** The code and every code below it. */
export function selfAndDescendants(node: CodeNode): Set<string> {
  const ids = new Set<string>();
  const walk = (n: CodeNode) => {
    ids.add(n.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

export function findNode(tree: readonly CodeNode[], id: string): CodeNode | null {
  for (const n of tree) {
    if (n.id === id) return n;
    const below = findNode(n.children, id);
    if (below) return below;
  }
  return null;
}

/** Case- and width-insensitive text used to match a query against every label of a code. */
export function codeHaystack(c: CodeNode): string {
  return [c.shortName, c.labelZh, c.labelEn, c.definition, c.keywords.join(" ")].join("\u0001").normalize("NFKC").toLowerCase();
}

export function matchesQuery(c: CodeNode, query: string): boolean {
  const q = query.normalize("NFKC").trim().toLowerCase();
  if (q === "") return true;
  const hay = codeHaystack(c);
  return q.split(/\s+/).every((term) => hay.includes(term));
}

/**
 * Ids to show for a filter: codes that match, plus their ancestors so that each match keeps
 * its place in the tree. `null` means "no filter".
 */
export function visibleIds(tree: readonly CodeNode[], keep: (c: CodeNode) => boolean): Set<string> {
  const visible = new Set<string>();
  const walk = (n: CodeNode): boolean => {
    let any = keep(n);
    for (const c of n.children) if (walk(c)) any = true;
    if (any) visible.add(n.id);
    return any;
  };
  tree.forEach(walk);
  return visible;
}

/**
 * A code's label in the interface language (falling back to the other one when
 * missing) and the other language's label, for a tooltip; "" when there is none.
 */
export function codeLabel(c: { labelZh: string; labelEn?: string }, locale: Locale): { label: string; other: string } {
  const zh = c.labelZh;
  const en = c.labelEn ?? "";
  const [first, second] = locale === "zh" ? [zh, en] : [en, zh];
  const label = first || second;
  return { label, other: second && second !== label ? second : "" };
}

/** "COE-1 Restructuring regional space" / "COE-1 重构区域空间格局" for buttons and messages. */
export function codeTitle(c: { shortName: string; labelZh: string; labelEn: string }, locale: Locale): string {
  const { label } = codeLabel(c, locale);
  return label ? `${c.shortName} ${label}` : c.shortName;
}
