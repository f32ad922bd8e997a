import { describe, expect, it } from "vitest";
import { TOKEN_SEP, tokenize, tokenizeMany, tokensField } from "../../lib/text/tokens";

describe("jieba tokens", () => {
  it("segments 京津冀协同发展 into several non-whitespace tokens that rebuild the text", () => {
    expect(tokenize("京津冀协同发展")).toEqual(["京津冀", "协同", "发展"]);
  });

  it("drops whitespace tokens (ASCII, ideographic, line breaks)", () => {
    expect(tokenize("推动 高质量发展\u3000建设\n现代化")).toEqual(["推动", "高质量", "发展", "建设", "现代化"]);
  });

  it("keeps 𠮷 as part of a token and never lets the separator through", () => {
    expect(tokenize(`𠮷野家${TOKEN_SEP}开业`)).toEqual(["𠮷", "野", "家", "开业"]);
  });

  it("tokenizes batches", () => {
    expect(tokenizeMany(["京津冀协同发展", "", "改革"])).toEqual([tokenize("京津冀协同发展"), [], tokenize("改革")]);
  });
});

describe("tokensField", () => {
  it("joins with U+001F and wraps both ends, so a whole word is LIKE '%\\u001f词\\u001f%'", () => {
    expect(TOKEN_SEP).toBe("\u001f");
    const field = tokensField(["京津冀", "协同", "发展"]);
    expect(field).toBe("\u001f京津冀\u001f协同\u001f发展\u001f");
    expect(field.includes(`${TOKEN_SEP}协同${TOKEN_SEP}`)).toBe(true);
    expect(field.includes(`${TOKEN_SEP}协${TOKEN_SEP}`)).toBe(false);
    expect(tokensField([])).toBe("");
  });
});
