import { describe, expect, it } from "vitest";
import { appErrorSync } from "../helpers/app-error";
import { decodeText } from "../../lib/text/decode";
import { BIG5_SAMPLE, SAMPLE_CRLF, SAMPLE_WITH_SUPPLEMENTARY, encode, utf8 } from "./fixtures";


describe("decodeText: Unicode encodings", () => {
  it("decodes UTF-8 without BOM exactly, 𠮷 and CRLF included", () => {
    const r = decodeText(utf8(SAMPLE_WITH_SUPPLEMENTARY));
    expect(r.text).toBe(SAMPLE_WITH_SUPPLEMENTARY);
    expect(r.encoding).toBe("UTF-8");
    expect(r.confidence).toBe(1);
    expect(r.warnings).toEqual([]);
  });

  it("strips a UTF-8 BOM", () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE_WITH_SUPPLEMENTARY)]));
    expect(r.text).toBe(SAMPLE_WITH_SUPPLEMENTARY);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.encoding).toBe("UTF-8");
  });

  it("decodes UTF-16LE with BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...encode(SAMPLE_WITH_SUPPLEMENTARY, "utf16le")]);
    const r = decodeText(bytes);
    expect(r.text).toBe(SAMPLE_WITH_SUPPLEMENTARY);
    expect(r.encoding).toBe("UTF-16LE");
  });

  it("decodes UTF-16BE with BOM", () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...encode(SAMPLE_WITH_SUPPLEMENTARY, "utf16be")]);
    const r = decodeText(bytes);
    expect(r.text).toBe(SAMPLE_WITH_SUPPLEMENTARY);
    expect(r.encoding).toBe("UTF-16BE");
  });

  it("recognises UTF-16LE without BOM instead of calling it binary", () => {
    const r = decodeText(encode(SAMPLE_CRLF, "utf16le"));
    expect(r.text).toBe(SAMPLE_CRLF);
    expect(r.encoding).toBe("UTF-16LE");
  });

  it("accepts valid UTF-8 that contains genuine U+FFFD characters, with a warning", () => {
    const text = "保定市政府工作报告\uFFFD今年\uFFFD经济增长。";
    const r = decodeText(utf8(text));
    expect(r.text).toBe(text);
    expect(r.encoding).toBe("UTF-8");
    expect(r.warnings).toEqual([
      { en: "text contains 2 U+FFFD replacement character(s) already present in the file", zh: "文件本身含有 2 个替换字符 U+FFFD" },
    ]);
  });

  it("keeps UTF-8 with one corrupted byte as UTF-8 and warns", () => {
    const good = utf8(SAMPLE_CRLF.repeat(5));
    const bytes = new Uint8Array([...good.slice(0, 10), 0xff, ...good.slice(10)]);
    const r = decodeText(bytes);
    expect(r.encoding).toBe("UTF-8");
    // The byte lands inside 作 (three bytes): its lead, the 0xFF and its two trail bytes each become U+FFFD.
    expect(r.text).toBe(SAMPLE_CRLF.replace("作", "\ufffd".repeat(4)) + SAMPLE_CRLF.repeat(4));
    expect(r.warnings).toEqual([{ en: "4 invalid UTF-8 byte sequence(s) replaced by U+FFFD", zh: "4 处无效 UTF-8 字节已替换为 U+FFFD" }]);
  });
});

describe("decodeText: legacy Chinese encodings without BOM", () => {
  it("detects GB18030 (with 𠮷, a four-byte sequence)", () => {
    const r = decodeText(encode(SAMPLE_WITH_SUPPLEMENTARY, "gb18030"));
    expect(r.text).toBe(SAMPLE_WITH_SUPPLEMENTARY);
    expect(r.encoding).toBe("GB18030");
    expect(r.confidence).toBe(1);
    expect(r.warnings).toEqual([{ en: "encoding detected as GB18030 (confidence 1.00)", zh: "检测到编码 GB18030（置信度 1.00）" }]);
  });

  it("decodes GBK as its superset GB18030", () => {
    const r = decodeText(encode(SAMPLE_CRLF, "gbk"));
    expect(r.text).toBe(SAMPLE_CRLF);
    expect(r.encoding).toBe("GB18030");
  });

  it("detects short GBK strings, where chardet alone guesses Big5", () => {
    for (const s of ["发展", "京津冀协同发展。", "中华人民共和国"]) {
      const r = decodeText(encode(s, "gbk"));
      expect(r.text).toBe(s);
      expect(r.encoding).toBe("GB18030");
    }
  });

  it("detects Big5", () => {
    const r = decodeText(encode(BIG5_SAMPLE, "big5"));
    expect(r.text).toBe(BIG5_SAMPLE);
    expect(r.encoding).toBe("Big5");
  });

  it("detects short Big5 strings", () => {
    for (const s of ["發展", "政府工作報告", "經濟總量增長。"]) {
      const r = decodeText(encode(s, "big5"));
      expect(r.text).toBe(s);
      expect(r.encoding).toBe("Big5");
    }
  });
});

describe("decodeText: user override", () => {
  it("uses the named encoding and reports it, with no detection confidence", () => {
    const r = decodeText(encode(SAMPLE_CRLF, "gbk"), { encoding: "gbk" });
    expect(r.text).toBe(SAMPLE_CRLF);
    expect(r.encoding).toBe("GBK");
    expect(r.confidence).toBeNull();
  });

  it("can force Big5 on bytes that detection would read otherwise", () => {
    const r = decodeText(encode("發展", "big5"), { encoding: "big5" });
    expect(r.text).toBe("發展");
    expect(r.encoding).toBe("Big5");
  });

  it("refuses an unknown encoding name as invalid input", () => {
    expect(appErrorSync(() => decodeText(utf8("abc"), { encoding: "klingon-8" }))).toEqual({
      code: "invalid_input",
      message: 'unknown encoding "klingon-8" — use e.g. utf-8, gb18030, gbk, big5, utf-16le / 未知编码“klingon-8”，可用如 utf-8、gb18030、gbk、big5、utf-16le',
    });
  });

  it("refuses a forced encoding that does not fit, naming it and suggesting --encoding", () => {
    expect(appErrorSync(() => decodeText(encode(SAMPLE_CRLF, "gbk"), { encoding: "utf-8" }))).toEqual({
      code: "unprocessable",
      message:
        "cannot decode the file as UTF-8 (118 invalid byte sequences); pass the right encoding with --encoding (e.g. gb18030, big5, utf-16le) / 无法按 UTF-8 解码（118 处无效字节），请用 --encoding 指定正确的编码",
    });
  });
});

describe("decodeText: refusals", () => {
  it("refuses an empty file", () => {
    expect(appErrorSync(() => decodeText(new Uint8Array()))).toEqual({ code: "unprocessable", message: "file is empty / 文件为空" });
  });

  it("treats a file holding only a BOM as empty", () => {
    expect(appErrorSync(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf])))).toEqual({ code: "unprocessable", message: "file is empty / 文件为空" });
  });

  it("refuses binary data with NUL bytes", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 7]);
    expect(appErrorSync(() => decodeText(png))).toEqual({ code: "unprocessable", message: "binary file, not text / 这是二进制文件，不是文本文件" });
  });

  it("refuses binary data made of control characters (no NUL)", () => {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    expect(appErrorSync(() => decodeText(bytes))).toEqual({ code: "unprocessable", message: "binary file, not text / 这是二进制文件，不是文本文件" });
  });

  it("refuses bytes valid in no supported encoding, saying what was tried", () => {
    const bytes = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x80)));
    expect(appErrorSync(() => decodeText(bytes))).toEqual({
      code: "unprocessable",
      message:
        "cannot decode the file as GB18030, Big5 (100 invalid byte sequences); pass the right encoding with --encoding (e.g. gb18030, big5, utf-16le) / 无法按 GB18030, Big5 解码（100 处无效字节），请用 --encoding 指定正确的编码",
    });
  });
});
