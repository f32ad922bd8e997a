import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSession, setMember } from "../lib/auth/accounts";
import { findCodeByShortName } from "../lib/codebook";
import { createProject, importDocument } from "../lib/corpus";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { startNextServer } from "../tests/browser/next-server";
import { ms, quantile, type Figure } from "./util";

const CODERS = 20;
const PER_CODER = 200;
const FLOOR_SAMPLES = 100;

/** A document of `n` sentences (each a distinct passage to code). */
function sentences(n: number, tag: string): string {
  return Array.from({ length: n }, (_, i) => `第${i}句${tag}：推进京津冀协同发展，加快建设现代化交通网络。`).join("\n");
}

/**
 * The bounded load test of a team server: `next start` in server mode on the given database,
 * 20 coders each signed in (a session cookie of their own) creating 200 codings at once through
 * the HTTP API (each coder's requests one after another, the coders concurrently). Counts errors
 * and, afterwards in the database, the codings that arrived; latency median and p95 against a
 * floor measured on the same server: one coder alone creating codings one at a time.
 */
export async function benchLoad(label: string, dbUrl: string): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juncture-load-"));
  await migrateDatabase(dbUrl);
  const db = createDb(dbUrl);
  const server = await startNextServer({ dbUrl, logDir: dir, env: { JUNCTURE_MODE: "server" } });
  try {
    const project = await createProject(db, { name: `load ${Date.now()}` });
    const code = (await findCodeByShortName(db, project.id, "CON-1"))!;
    const doc = async (tag: string, n: number) => {
      const d = await importDocument(db, { projectId: project.id, fileName: `${tag}.txt`, bytes: new TextEncoder().encode(sentences(n, tag)) });
      return { id: d.id, units: await db.unit.findMany({ where: { documentId: d.id, kind: "sentence" }, select: { start: true, end: true }, orderBy: { start: "asc" } }) };
    };
    const [target, floorDoc] = [await doc("load", PER_CODER), await doc("floor", FLOOR_SAMPLES)];
    const cookieOf = async (name: string) => {
      const u = await db.user.create({ data: { name } });
      await setMember(db, { projectId: project.id, userName: name, role: "coder" });
      return `juncture-session=${encodeURIComponent((await createSession(db, u.id)).token)}`;
    };
    const post = async (cookie: string, documentId: string, span: { start: number; end: number }) => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${server.baseUrl}/api/documents/${documentId}/codings`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl, cookie },
        body: JSON.stringify({ codeId: code.id, start: span.start, end: span.end }),
      });
      await res.arrayBuffer();
      return { ms: ms(t), ok: res.status === 201, status: res.status };
    };

    // Floor: one coder alone, one request at a time (after a warm-up request).
    const floorCookie = await cookieOf("floor-coder");
    await post(floorCookie, floorDoc.id, floorDoc.units[0]!);
    const floor: number[] = [];
    for (const u of floorDoc.units.slice(1)) floor.push((await post(floorCookie, floorDoc.id, u)).ms);

    const cookies = await Promise.all(Array.from({ length: CODERS }, (_, i) => cookieOf(`coder-${i + 1}`)));
    const latencies: number[] = [];
    const failures = new Map<number, number>();
    const t0 = process.hrtime.bigint();
    await Promise.all(
      cookies.map(async (cookie) => {
        for (const u of target.units) {
          const r = await post(cookie, target.id, u);
          latencies.push(r.ms);
          if (!r.ok) failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
        }
      }),
    );
    const wall = ms(t0);
    const stored = await db.coding.count({ where: { documentId: target.id } });
    latencies.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    const sent = CODERS * target.units.length;
    const errors = [...failures.values()].reduce((a, b) => a + b, 0);
    return [
      {
        name: `${label}: ${CODERS} coders × ${target.units.length} codings at once (${sent} requests in ${(wall / 1000).toFixed(1)} s)`,
        value: `${errors} errors${errors ? ` (${[...failures].map(([s, n]) => `${n}× HTTP ${s}`).join(", ")})` : ""}, ${sent - stored} lost (${stored} stored)`,
      },
      { name: `${label}: latency median`, value: `${quantile(latencies, 0.5).toFixed(1)} ms`, floor: `${quantile(floor, 0.5).toFixed(1)} ms one coder alone`, ratio: quantile(latencies, 0.5) / quantile(floor, 0.5) },
      { name: `${label}: latency p95`, value: `${quantile(latencies, 0.95).toFixed(1)} ms`, floor: `${quantile(floor, 0.95).toFixed(1)} ms one coder alone`, ratio: quantile(latencies, 0.95) / quantile(floor, 0.95) },
    ];
  } finally {
    await server.stop();
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
