import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { appError } from "../helpers/app-error";
import { describeWith } from "../helpers/describe-with";
import { cjkFont } from "../helpers/external";
import { extractDocument } from "../../lib/text/extract";
import { joinWrappedLines } from "../../lib/text/pdf";
import { makeCjkPdf, makeShapesOnlyPdf } from "./fixtures";

// Each paragraph is several lines long at 12 pt on A4 (451 pt text width), so lines
// wrap inside sentences; the second ends with English long enough to wrap between words.
const P1 =
  "过去一年，我们坚持以新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，" +
  "坚持稳中求进工作总基调，全市生产总值增长5.2%，城市经济规模进入了五万亿元以上的新阶段。";
const P2 =
  "一年来，全市经济社会发展总体平稳、稳中有进。地方一般公共预算收入达到8374.2亿元、增长0.7%，城镇调查失业率平均为4.2%。" +
  "The municipal economy grew steadily across many different sectors this year while employment and prices remained stable overall.";
const P3 = "新的一年，我们将坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。";


describeWith(cjkFont(), "PDF extraction (Chinese text layer, wqy-zenhei)", () => {
  it("joins wrapped lines without stray spaces or newlines and keeps exactly two paragraphs", async () => {
    expect(Array.from(P1).length * 12).toBeGreaterThan(2 * 451); // the fixture really wraps
    const doc = await extractDocument(await makeCjkPdf([P1, P2]), "report.pdf");
    expect(doc.format).toBe("pdf");
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.text).toBe(`${P1}\n${P2}`);
  });

  it("finds paragraph ends from indentation alone (no extra spacing)", async () => {
    const doc = await extractDocument(await makeCjkPdf([P1, P3, P2], { paragraphGap: 0 }), "a.pdf");
    expect(doc.text).toBe([P1, P3, P2].join("\n"));
  });

  it("finds paragraph ends from a short last line ending in 。 (no indent, no spacing)", async () => {
    const doc = await extractDocument(await makeCjkPdf([P1, P3, P1], { indent: 0, paragraphGap: 0 }), "a.pdf");
    expect(doc.text).toBe([P1, P3, P1].join("\n"));
  });

  it("continues a paragraph across a page break and drops running page numbers", async () => {
    const paragraphs = Array.from({ length: 16 }, (_, i) => `${i % 2 ? P3 : P1}第${i + 1}段。`);
    const bytes = await makeCjkPdf(paragraphs, { pageNumbers: true });
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    expect(pdf.numPages).toBe(4); // the fixture really crosses pages
    await pdf.destroy();
    const doc = await extractDocument(bytes, "long.pdf");
    expect(doc.text).toBe(paragraphs.join("\n"));
  });
});

describe("PDF extraction: refusals", () => {
  it("refuses a PDF with pages but no text as needing OCR", async () => {
    expect(await appError(extractDocument(await makeShapesOnlyPdf(), "scan.pdf"))).toEqual({
      code: "unprocessable",
      message: "no text layer — scanned PDF; run OCR first / 无文本层（扫描版 PDF），请先进行 OCR",
    });
  });

  it("refuses garbage bytes named .pdf", async () => {
    const junk = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 31) % 256));
    expect(await appError(extractDocument(junk, "junk.pdf"))).toEqual({
      code: "unprocessable",
      message: "not a PDF file (no %PDF header) — corrupt or misnamed / 不是有效的 PDF 文件（缺少 %PDF 文件头），可能已损坏或扩展名有误",
    });
  });

  it("refuses a corrupt PDF that has a header but no structure", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj garbage endobj\nnot a pdf at all\n%%EOF\n");
    expect(await appError(extractDocument(bytes, "broken.pdf"))).toEqual({
      code: "unprocessable",
      // The middle is pdf.js's own reason ("Invalid PDF structure.").
      message: expect.stringMatching(/^corrupt or invalid PDF file: .+ \/ PDF 文件已损坏或无效$/),
    });
  });

  it("refuses an encrypted PDF with a clear message", async () => {
    const pdf = new PDFDocument({ userPassword: "secret", ownerPassword: "owner", pdfVersion: "1.7" });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => pdf.on("end", resolve));
    pdf.text("confidential");
    pdf.end();
    await done;
    expect(await appError(extractDocument(new Uint8Array(Buffer.concat(chunks)), "locked.pdf"))).toEqual({
      code: "unprocessable",
      message: "PDF is encrypted (password-protected) — remove the password and import again / PDF 已加密，请先移除密码再导入",
    });
  });
});

describe("joinWrappedLines", () => {
  it("joins CJK without a space, Latin words with one, and never splits numbers", () => {
    expect(joinWrappedLines("全面贯彻落", "实党的二十大")).toBe("全面贯彻落实党的二十大");
    expect(joinWrappedLines("增长", "GDP")).toBe("增长GDP");
    expect(joinWrappedLines("across many different sectors", "this year")).toBe("across many different sectors this year");
    expect(joinWrappedLines("达到8374.", "2亿元")).toBe("达到8374.2亿元");
    expect(joinWrappedLines("增长5", "%")).toBe("增长5%");
    expect(joinWrappedLines("economy,", "and")).toBe("economy, and");
  });
});
