/** `#rrggbb` (or `#rgb`) with an alpha, as rgba(); unknown input falls back to the default code colour. */
export function rgba(hex: string, alpha: number): string {
  let h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? hex.slice(1) : "4f7cac";
  if (h.length === 3) h = h.replace(/./g, (d) => d + d);
  const n = parseInt(h, 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** A colour safe to put in a style attribute (codes store #rrggbb; anything else is replaced). */
export function safeColor(hex: string): string {
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? hex : "#4f7cac";
}
