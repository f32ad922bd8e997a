/** Fixed-locale formatting so that server and browser render the same text. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatDate(d: Date | string): string {
  const iso = typeof d === "string" ? d : d.toISOString();
  return iso.slice(0, 10);
}
