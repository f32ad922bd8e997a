import type { ReactNode } from "react";

/**
 * Splits text into plain runs and keyword matches (longest keyword first at each position,
 * non-overlapping) for display only: these are string indices, never stored offsets.
 */
export function highlightKeywords(text: string, keywords: readonly string[], className: string): ReactNode[] {
  const words = [...new Set(keywords.filter((k) => k.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [text];
  const out: ReactNode[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const w = words.find((k) => text.startsWith(k, i));
    if (w) {
      if (plain) out.push(plain);
      plain = "";
      out.push(
        <mark key={i} className={className} data-keyword={w}>
          {w}
        </mark>,
      );
      i += w.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) out.push(plain);
  return out;
}
