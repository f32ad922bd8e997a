import { describe, expect, it } from "vitest";
import type { PickerCode } from "../../components/reader/types";
import { packReader, unpackReader } from "../../components/reader/wire";
import { coding, cpIndexOf, PARAGRAPHS, SENTENCES, TEXT } from "./fixtures";

const code = (id: string, shortName: string): PickerCode => ({
  id,
  parentId: null,
  shortName,
  labelZh: `${shortName} 中文`,
  labelEn: `${shortName} English`,
  definition: "",
  color: "#2f7d91",
  pinned: null,
  version: 1,
  depth: 0,
});
const CODES = [code("code-a", "CON-1"), code("code-b", "COE-1")];
const document = {
  id: "doc-1",
  projectId: "p-1",
  title: "保定市2020年政府工作报告",
  region: "",
  province: "河北",
  city: "保定",
  year: 2020,
  docType: "report",
  level: "city",
  charCount: 0,
  version: 3,
};

describe("reader wire format", () => {
  const s = cpIndexOf("打造");
  const ok = coding({ id: "k1", codeId: "code-a", shortName: "CON-1", labelZh: "CON-1 中文", labelEn: "CON-1 English", start: s, end: s + 9, comment: "注 𠮷" });
  // A relocated coding whose stored quote is still the text at its (new) span.
  const after = cpIndexOf("𠮷雄安");
  const relocated = coding({ id: "k2", codeId: "code-b", shortName: "COE-1", labelZh: "COE-1 中文", labelEn: "COE-1 English", start: after, end: after + 3, anchor: "relocated" });
  const orphaned = coding({ id: "k3", codeId: "code-b", shortName: "COE-1", labelZh: "COE-1 中文", labelEn: "COE-1 English", start: 2, end: 4, anchor: "orphaned", quote: "已删除的文字" });
  const data = { document, text: TEXT, paragraphs: PARAGRAPHS, sentences: SENTENCES, codings: [ok, relocated, orphaned], codeCounts: [] };

  it("round-trips text, paragraphs, sentences and codings exactly (offsets in code points, 𠮷 included)", () => {
    const { payload, offsets } = unpackReader(packReader(data, CODES), CODES);
    expect(payload.text).toBe(TEXT);
    expect(payload.paragraphs).toEqual(PARAGRAPHS);
    expect(payload.sentences).toEqual(SENTENCES);
    expect(payload.codings).toEqual([ok, relocated, orphaned]);
    expect(relocated.quote).toBe("𠮷雄安");
    expect(offsets.cpCount).toBe(Array.from(TEXT).length);
    expect(payload.codeCounts).toEqual([
      { codeId: "code-a", count: 1, shortName: "CON-1", labelZh: "CON-1 中文", labelEn: "CON-1 English", color: "#2f7d91" },
      { codeId: "code-b", count: 2, shortName: "COE-1", labelZh: "COE-1 中文", labelEn: "COE-1 English", color: "#2f7d91" },
    ]);
  });

  it("sends a quote only when the text at the span cannot give it back, and leaves usual trailing fields off", () => {
    const plain = coding({ id: "k0", codeId: "code-a", shortName: "CON-1", labelZh: "CON-1 中文", labelEn: "CON-1 English", start: s, end: s + 2 });
    const packed = packReader({ ...data, codings: [plain, ok, relocated, orphaned] }, CODES);
    // plain: no comment, anchor ok, quote from the text → 8 fields; ok: its comment; relocated: comment and anchor; orphaned: and its quote.
    expect(packed.codings.map((row) => row.length)).toEqual([8, 9, 10, 11]);
    expect(packed.codings[3]?.[10]).toBe("已删除的文字");
    const back = unpackReader(packed, CODES).payload.codings;
    expect(back).toEqual([plain, ok, relocated, orphaned]);
  });

  it("names codes and coders by position and sends each coder's name once", () => {
    const other = { ...relocated, id: "k5", coder: "李四" };
    const packed = packReader({ ...data, codings: [ok, relocated, other] }, CODES);
    expect(packed.coders).toEqual([ok.coder, "李四"]);
    expect(packed.codings.map((row) => [row[1], row[5]])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(unpackReader(packed, CODES).payload.codings.map((c) => [c.codeId, c.coder])).toEqual([
      ["code-a", ok.coder],
      ["code-b", ok.coder],
      ["code-b", "李四"],
    ]);
  });

  it("sends the display fields of a code missing from the codebook, and only those", () => {
    const stray = coding({ id: "k4", codeId: "gone", shortName: "OLD-9", labelZh: "旧", labelEn: "Old", color: "#aa0000", start: 0, end: 1 });
    const packed = packReader({ ...data, codings: [ok, stray] }, CODES);
    expect(packed.extraCodes).toEqual([{ id: "gone", shortName: "OLD-9", labelZh: "旧", labelEn: "Old", color: "#aa0000" }]);
    const back = unpackReader(packed, CODES).payload.codings[1];
    expect(back).toEqual(stray);
    expect(back?.quote).toBe("𠮷");
  });

  it("turns Date fields into ISO strings, sent as milliseconds (the update as a difference)", () => {
    const dated = { ...ok, createdAt: new Date("2026-12-01T08:00:00Z"), updatedAt: new Date("2026-12-01T09:30:00.123Z") };
    const packed = packReader({ ...data, codings: [dated] }, CODES);
    expect(packed.codings[0]?.slice(6, 8)).toEqual([Date.parse("2026-12-01T08:00:00Z"), 90 * 60_000 + 123]);
    const back = unpackReader(packed, CODES).payload.codings[0];
    expect([back?.createdAt, back?.updatedAt]).toEqual(["2026-12-01T08:00:00.000Z", "2026-12-01T09:30:00.123Z"]);
  });

  it("keeps a time string that is not in canonical ISO form as it is", () => {
    const odd = { ...ok, createdAt: "2026-12-01 08:00:00", updatedAt: "2026-12-01T09:30:00.000Z" };
    const back = unpackReader(packReader({ ...data, codings: [odd] }, CODES), CODES).payload.codings[0];
    expect([back?.createdAt, back?.updatedAt]).toEqual(["2026-12-01 08:00:00", "2026-12-01T09:30:00.000Z"]);
  });
});
