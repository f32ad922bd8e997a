import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

/**
 * Seeds many codings straight into the SQLite file (benchmark set-up only: the
 * figures time the product's own functions, not this).
 */
export function seedCodings(
  url: string,
  opts: { projectId: string; coderId: string; codeIds: string[]; count: number; documentIds?: string[]; seed?: number },
): number {
  const conn = new Database(url.replace(/^file:/, ""));
  try {
    const docs = conn
      .prepare(
        `SELECT d.id AS id, d."plainText" AS text FROM "Document" d WHERE d."projectId" = ?${
          opts.documentIds ? ` AND d.id IN (${opts.documentIds.map(() => "?").join(",")})` : ""
        }`,
      )
      .all(opts.projectId, ...(opts.documentIds ?? [])) as { id: string; text: string }[];
    const units = conn
      .prepare(
        `SELECT u."documentId" AS documentId, u."start" AS start, u."end" AS end FROM "Unit" u
           JOIN "Document" d ON d.id = u."documentId" WHERE d."projectId" = ? AND u."kind" = 'sentence'`,
      )
      .all(opts.projectId) as { documentId: string; start: number; end: number }[];
    const textOf = new Map(docs.map((d) => [d.id, Array.from(d.text)]));
    const candidates = units.filter((u) => textOf.has(u.documentId));
    if (candidates.length === 0) throw new Error(`seed codings: project ${opts.projectId} has no sentence units`);
    // mulberry32: a small deterministic generator with 32-bit integer arithmetic only.
    let state = opts.seed ?? 42;
    const rand = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const now = new Date().toISOString().replace("Z", "+00:00");
    const insert = conn.prepare(
      `INSERT OR IGNORE INTO "Coding" ("id","projectId","documentId","codeId","coderId","start","end","quote","prefix","suffix","comment","version","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,?,?,?,'',1,?,?)`,
    );
    conn.transaction(() => {
      // Random spans can repeat (same coder, code and span is refused by a unique
      // index): keep drawing until the wanted number of rows is in.
      for (let i = 0, inserted = 0; inserted < opts.count; i++) {
        const u = candidates[Math.floor(rand() * candidates.length)]!; // rand() < 1, candidates not empty
        const chars = textOf.get(u.documentId)!;
        // Mostly whole sentences, sometimes a part of one, as coders do.
        const len = u.end - u.start;
        const start = rand() < 0.7 ? u.start : u.start + Math.floor(rand() * Math.max(1, len - 1));
        const end = Math.max(start + 1, rand() < 0.7 ? u.end : Math.min(u.end, start + 1 + Math.floor(rand() * len)));
        inserted += insert.run(
          randomUUID(),
          opts.projectId,
          u.documentId,
          opts.codeIds[i % opts.codeIds.length],
          opts.coderId,
          start,
          end,
          chars.slice(start, end).join(""),
          chars.slice(Math.max(0, start - 20), start).join(""),
          chars.slice(end, end + 20).join(""),
          now,
          now,
        ).changes;
      }
    })();
    return opts.count;
  } finally {
    conn.close();
  }
}
