/**
 * The pipeline on real government texts (shared/corpus/raw, see shared/corpus/SOURCES.md).
 * Needs the shared corpus: fails without it under `npm test`, skips ("SKIPPED: …") under bare vitest.
 */
import path from "node:path";
import { expect, it } from "vitest";
import { paragraphsFromPlainText } from "../../lib/text/canonical";
import { decodeText } from "../../lib/text/decode";
import { extractDocument } from "../../lib/text/extract";
import { splitSentences } from "../../lib/text/sentences";
import { describeWith } from "../helpers/describe-with";
import { CORPUS, checkInvariants, listCorpus, readCorpus } from "./fixtures";

const HAILAR = "hailar-govworkreport";
const JINA = "jina-rag-31prov-2025";

describeWith(CORPUS, "real corpus", () => {
  it("auto-detects every GBK original as the same text as its UTF-8 copy (line endings aside)", () => {
    const originals = listCorpus(HAILAR, "original-encoding").filter((f) => f.endsWith(".txt"));
    expect(originals).toEqual(["2012.txt", "2013.txt", "2014.txt", "2015.txt"]);
    for (const name of originals) {
      const gbk = decodeText(readCorpus(HAILAR, "original-encoding", name));
      const copy = decodeText(readCorpus(HAILAR, name));
      expect(gbk.encoding, name).toBe("GB18030");
      expect(copy.encoding, name).toBe("UTF-8");
      const lf = (s: string) => s.replace(/\r\n?/g, "\n");
      expect(lf(gbk.text), name).toBe(lf(copy.text));
    }
  });

  it("decodes the UTF-8-with-BOM file without the BOM", () => {
    const r = decodeText(readCorpus("nodreen-helloword", "2018政府工作报告.txt"));
    expect(r.encoding).toBe("UTF-8");
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.text).not.toContain("\ufeff");
    expect(r.text).toContain("政府工作报告");
  });

  it("decodes every corpus .txt, including files with genuine U+FFFD", () => {
    const dirs = ["gaoyang-towel-resilience", "chinese-political-corpora", "china-provincial-gov-reports-2026", JINA, HAILAR, "nodreen-helloword"];
    let n = 0;
    for (const dir of dirs) {
      for (const name of listCorpus(dir).filter((f) => f.endsWith(".txt"))) {
        const r = decodeText(readCorpus(dir, name));
        expect(r.text.length, `${dir}/${name}`).toBeGreaterThan(100);
        n++;
      }
    }
    expect(n).toBe(135); // 37 + 43 + 25 + 25 + 4 + 1
    expect(decodeText(readCorpus("gaoyang-towel-resilience", "保定市_2021_report.txt")).text).toContain("\ufffd");
  });

  it("extracts each DOCX report with many paragraphs matching the .txt beside it", async () => {
    const files = listCorpus(JINA, "docx").filter((f) => f.endsWith(".docx"));
    expect(files).toHaveLength(25); // one per province in the collection
    for (const name of files) {
      const doc = await extractDocument(readCorpus(JINA, "docx", name), name);
      expect(doc.paragraphs.length, name).toBeGreaterThan(30);
      const txt = paragraphsFromPlainText(decodeText(readCorpus(JINA, name.replace(/\.docx$/, ".txt"))).text);
      const extracted = new Set(doc.text.split("\n"));
      const found = txt.filter((p) => extracted.has(p)).length;
      expect(found / txt.length, name).toBeGreaterThan(0.9);
    }
  }, 180_000);

  it("keeps the sentence-unit substring invariant on several real documents", async () => {
    const samples: [string, string][] = [
      [HAILAR, path.join("original-encoding", "2012.txt")],
      ["gaoyang-towel-resilience", "保定市_2021_report.txt"],
      ["gaoyang-towel-resilience", "河北省_2009_report.txt"],
      ["chinese-political-corpora", "国务院政府工作报告_1978.txt"],
      ["china-provincial-gov-reports-2026", "2026_浙江省_政府工作报告.txt"],
      ["nodreen-helloword", "2018政府工作报告.txt"],
      [JINA, path.join("docx", "2025年上海市政府工作报告.docx")],
    ];
    for (const [dir, file] of samples) {
      const doc = await extractDocument(readCorpus(dir, file), file);
      const units = splitSentences(doc.text, doc.paragraphs);
      expect(units.length, file).toBeGreaterThan(doc.paragraphs.length);
      checkInvariants(doc.text, doc.paragraphs, units);
      // Every non-space character of every paragraph belongs to some unit.
      const covered = units.reduce((n, u) => n + (u.end - u.start), 0);
      const total = doc.paragraphs.reduce((n, p) => n + (p.end - p.start), 0);
      expect(covered, file).toBeGreaterThan(total * 0.97);
    }
  }, 120_000);
});
