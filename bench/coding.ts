import { flattenCodebook, getCodebook } from "../lib/codebook";
import { createCoding, ensureUser } from "../lib/coding";
import type { Db } from "../lib/db/client";
import { OffsetMap } from "../lib/text/offsets";
import { seedCodings } from "./seed";
import { ms, quantile, type Figure } from "./util";

const SAMPLES = 200;

/**
 * Server time to create one coding (createCoding: validation, quote/context read
 * with SQL substr, code and coder lookup in one query, insert) on a project that already holds
 * ~1,000,000 characters and 100,000 codings. Floor: a bare single-row insert of a
 * fully prepared coding through the same database client.
 */
export async function benchCodingCreate(db: Db, url: string, projectId: string): Promise<Figure[]> {
  const codes = flattenCodebook(await getCodebook(db, projectId));
  const coder = await ensureUser(db, "bench");
  const t0 = process.hrtime.bigint();
  seedCodings(url, { projectId, coderId: coder.id, codeIds: codes.map((c) => c.id), count: 100_000 });
  const seedMs = ms(t0);
  const total = await db.coding.count({ where: { projectId } });

  const units = await db.unit.findMany({
    where: { kind: "sentence", document: { projectId } },
    select: { documentId: true, start: true, end: true },
  });
  const docs = new Map(
    (await db.document.findMany({ where: { projectId }, select: { id: true, plainText: true } })).map((d) => [
      d.id,
      new OffsetMap(d.plainText),
    ]),
  );
  const pick = (i: number) => {
    const u = units[(i * 7919) % units.length];
    if (!u) throw new Error("the benchmark project has no sentence units");
    return u;
  };
  const code = codes.find((c) => c.shortName === "CON-1") ?? codes[0];
  if (!code) throw new Error("the benchmark project has no codes");

  const floorCoder = await ensureUser(db, "bench-floor"); // spans the seed may already hold for "bench"
  const product: number[] = [];
  const floor: number[] = [];
  // Product and floor alternate, so that load from other processes hits both alike.
  for (let i = 0; i < SAMPLES; i++) {
    const u = pick(i);
    const t = process.hrtime.bigint();
    await createCoding(db, { documentId: u.documentId, codeId: code.id, start: u.start, end: u.end, coder: `bench-${i % 5}` });
    product.push(ms(t));

    const f = pick(i + SAMPLES);
    const map = docs.get(f.documentId)!;
    const data = {
      projectId,
      documentId: f.documentId,
      codeId: code.id,
      coderId: floorCoder.id,
      start: f.start,
      end: f.end,
      quote: map.slice(f.start, f.end),
      prefix: map.slice(Math.max(0, f.start - 20), f.start),
      suffix: map.slice(f.end, Math.min(map.cpCount, f.end + 20)),
    };
    const t2 = process.hrtime.bigint();
    await db.coding.create({ data, select: { id: true } });
    floor.push(ms(t2));
  }
  product.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  const median = quantile(product, 0.5);
  const floorMedian = quantile(floor, 0.5);
  return [
    { name: "codings in the project before timing", value: `${total.toLocaleString("en")} (seeded in ${(seedMs / 1000).toFixed(1)} s)` },
    {
      name: "create one coding, median",
      value: `${median.toFixed(2)} ms`,
      floor: `${floorMedian.toFixed(2)} ms bare insert`,
      ratio: median / floorMedian,
    },
    {
      name: "create one coding, p95",
      value: `${quantile(product, 0.95).toFixed(2)} ms`,
      floor: `${quantile(floor, 0.95).toFixed(2)} ms bare insert p95`,
      ratio: quantile(product, 0.95) / quantile(floor, 0.95),
    },
  ];
}
