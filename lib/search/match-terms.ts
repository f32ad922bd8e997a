import type { TextPrefilter } from "../db/search";
import { TOKEN_SEP } from "../text/tokens";
import type { QueryNode, SearchMode, TermNode } from "./parse-search-query";
import { compileSafeRegex } from "./safe-regex";

/** One sentence's text (a JS string) and, in word mode, its stored tokens. */
export type UnitText = { text: string; tokens: string; boundaries?: Set<number> };

/** A span inside a unit's text, in UTF-16 indices (converted to code points by the caller). */
export type LocalSpan = { from: number; to: number };

export type CompiledTerm = {
  node: TermNode;
  holds(u: UnitText): boolean;
  /** Non-overlapping occurrences, in text order; never empty spans. */
  find(u: UnitText): LocalSpan[];
  /** False only when no sentence of a document with this text can satisfy the term. */
  mayOccurIn(documentText: string): boolean;
};

function termKey(n: TermNode): string {
  return `${n.kind}\u0000${n.value}`;
}

/**
 * UTF-16 positions in the unit's text where a jieba token starts or ends. Tokens are
 * located in order, so whitespace the tokenizer may drop does not shift later tokens.
 */
function tokenBoundaries(u: UnitText): Set<number> {
  if (u.boundaries) return u.boundaries;
  const b = new Set<number>([0, u.text.length]);
  let at = 0;
  for (const tok of u.tokens.split(TOKEN_SEP)) {
    if (tok.length === 0) continue;
    const i = u.text.indexOf(tok, at);
    if (i === -1) continue;
    b.add(i);
    at = i + tok.length;
    b.add(at);
  }
  u.boundaries = b;
  return b;
}

function substringTerm(node: TermNode, value: string): CompiledTerm {
  return {
    node,
    mayOccurIn: (text) => text.includes(value),
    holds: (u) => u.text.includes(value),
    find: (u) => {
      const out: LocalSpan[] = [];
      for (let i = u.text.indexOf(value); i !== -1; i = u.text.indexOf(value, i + value.length)) {
        out.push({ from: i, to: i + value.length });
      }
      return out;
    },
  };
}

/** A whole token or a run of consecutive tokens: the occurrence must start and end on token boundaries. */
function wordTerm(node: TermNode): CompiledTerm {
  const value = node.value;
  const find = (u: UnitText): LocalSpan[] => {
    const out: LocalSpan[] = [];
    let i = u.text.indexOf(value);
    if (i === -1) return out;
    const b = tokenBoundaries(u);
    for (; i !== -1; ) {
      if (b.has(i) && b.has(i + value.length)) {
        out.push({ from: i, to: i + value.length });
        i = u.text.indexOf(value, i + value.length);
      } else i = u.text.indexOf(value, i + 1);
    }
    return out;
  };
  return { node, holds: (u) => find(u).length > 0, find, mayOccurIn: (text) => text.includes(value) };
}

function regexTerm(node: TermNode): CompiledTerm {
  // re2js (linear time): a user's pattern must never be able to freeze the server.
  const re = compileSafeRegex(node.value, node.position);
  // A pattern without anchors, word boundaries or lookarounds matches a sentence only where it
  // also matches the whole document, so the document can be tested first. Anything that
  // might look at the context of a match ("^", "$", "\\b", "\\B", "(?=", "(?<!", …) is not.
  const contextFree = !/[\^$]|\\[bB]|\(\?<?[=!]/.test(node.value);
  return {
    node,
    mayOccurIn: (text) => !contextFree || re.test(text),
    holds: (u) => re.test(u.text),
    find: (u) => re.spans(u.text),
  };
}

function compileTerm(node: TermNode, mode: SearchMode): CompiledTerm {
  if (node.kind === "phrase") return substringTerm(node, node.value);
  if (node.kind === "regex" || mode === "regex") return regexTerm(node);
  if (mode === "word") return wordTerm(node);
  return substringTerm(node, node.value);
}

/** Compiles every term of the query once (invalid regexes fail here, before any query runs). */
export function compileTerms(ast: QueryNode, mode: SearchMode): Map<string, CompiledTerm> {
  const out = new Map<string, CompiledTerm>();
  const walk = (n: QueryNode): void => {
    if (n.type === "term") {
      if (!out.has(termKey(n))) out.set(termKey(n), compileTerm(n, mode));
    } else if (n.type === "not") walk(n.child);
    else n.children.forEach(walk);
  };
  walk(ast);
  return out;
}

export function compiledFor(terms: Map<string, CompiledTerm>, node: TermNode): CompiledTerm {
  return terms.get(termKey(node))!;
}

/** Whether the boolean query holds for one unit; each term is tested at most once. */
export function evaluateQuery(ast: QueryNode, terms: Map<string, CompiledTerm>, u: UnitText): boolean {
  const memo = new Map<string, boolean>();
  const ev = (n: QueryNode): boolean => {
    switch (n.type) {
      case "term": {
        const key = termKey(n);
        let v = memo.get(key);
        if (v === undefined) {
          v = terms.get(key)!.holds(u);
          memo.set(key, v);
        }
        return v;
      }
      case "not":
        return !ev(n.child);
      case "and":
        return n.children.every(ev);
      case "or":
        return n.children.some(ev);
    }
  };
  return ev(ast);
}

/** Whether any sentence of a document with this text can satisfy the query (NOT prunes nothing). */
export function documentMayMatch(ast: QueryNode, terms: Map<string, CompiledTerm>, text: string): boolean {
  switch (ast.type) {
    case "term":
      return terms.get(termKey(ast))!.mayOccurIn(text);
    case "not":
      return true;
    case "and":
      return ast.children.every((c) => documentMayMatch(c, terms, text));
    case "or":
      return ast.children.some((c) => documentMayMatch(c, terms, text));
  }
}

/**
 * A condition on a whole document's text that every matching unit implies: literal terms
 * become "contains", regexes and negations become "any" (no pruning).
 */
export function documentPrefilter(ast: QueryNode, mode: SearchMode): TextPrefilter {
  switch (ast.type) {
    case "term":
      if (ast.kind === "phrase" || (ast.kind === "bare" && mode !== "regex")) return { type: "contains", value: ast.value };
      return { type: "any" };
    case "not":
      return { type: "any" };
    case "and":
    case "or":
      return { type: ast.type, items: ast.children.map((c) => documentPrefilter(c, mode)) };
  }
}
