import { searchCorpus } from "../lib/search";
import { plainScanBaseline } from "./plain-scan";
import type { Db } from "../lib/db/client";
import { ms, quantile, type Figure } from "./util";

const RUNS = 5;

/**
 * A two-term query over the whole shared corpus, against the floor of a plain SQL
 * scan (LIKE + occurrence count over Document.plainText) for each of the two terms.
 */
export async function benchSearch(db: Db, projectId: string, chars: number): Promise<Figure[]> {
  const [a, b] = ["协同", "发展"];
  const query = `${a} AND ${b}`;
  await searchCorpus(db, projectId, { query, mode: "substring", limit: 500 }); // warm caches alike
  await plainScanBaseline(db, projectId, a);

  const timings = { search: [] as number[], word: [] as number[], floor: [] as number[] };
  let total = 0;
  let wordTotal = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = process.hrtime.bigint();
    total = (await searchCorpus(db, projectId, { query, mode: "substring", limit: 500 })).total;
    timings.search.push(ms(t));
    t = process.hrtime.bigint();
    wordTotal = (await searchCorpus(db, projectId, { query, mode: "word", limit: 500 })).total;
    timings.word.push(ms(t));
    t = process.hrtime.bigint();
    await plainScanBaseline(db, projectId, a);
    await plainScanBaseline(db, projectId, b);
    timings.floor.push(ms(t));
  }
  const med = (xs: number[]) => quantile([...xs].sort((x, y) => x - y), 0.5);
  const floor = med(timings.floor);
  return [
    { name: "corpus searched", value: `${chars.toLocaleString("en")} characters` },
    {
      name: `search “${query}” (substring), median of ${RUNS}`,
      value: `${med(timings.search).toFixed(0)} ms, ${total.toLocaleString("en")} hits`,
      floor: `${floor.toFixed(0)} ms plain SQL scan of both terms`,
      ratio: med(timings.search) / floor,
    },
    {
      name: `search “${query}” (whole word), median of ${RUNS}`,
      value: `${med(timings.word).toFixed(0)} ms, ${wordTotal.toLocaleString("en")} hits`,
      floor: `${floor.toFixed(0)} ms`,
      ratio: med(timings.word) / floor,
    },
  ];
}
