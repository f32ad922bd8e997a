import type { CodeNode, FlatCodeNode } from "./types";

/**
 * The tree in reading order (depth first, parents before children), each node with its depth
 * and the short names from its root down to itself.
 */
export function flattenCodebook(tree: readonly CodeNode[]): FlatCodeNode[] {
  const out: FlatCodeNode[] = [];
  const visit = (nodes: readonly CodeNode[], depth: number, path: string[]) => {
    for (const n of nodes) {
      const p = [...path, n.shortName];
      out.push({ ...n, depth, path: p });
      visit(n.children, depth + 1, p);
    }
  };
  visit(tree, 0, []);
  return out;
}
