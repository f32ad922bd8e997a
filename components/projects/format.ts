/** ISO dates (YYYY-MM-DD) read the same in both languages and on server and browser. */
export function formatDate(d: Date | string): string {
  const iso = typeof d === "string" ? d : d.toISOString();
  return iso.slice(0, 10);
}
