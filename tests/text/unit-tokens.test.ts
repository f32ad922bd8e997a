import { describe, expect, it } from "vitest";
import { buildCanonicalText } from "../../lib/text/canonical";
import { OffsetMap } from "../../lib/text/offsets";
import { splitSentences } from "../../lib/text/sentences";
import { tokenize } from "../../lib/text/tokens";
import { tokenizeSentences } from "../../lib/text/unit-tokens";

describe("sentence tokens from one jieba call per document", () => {
  const canonical = buildCanonicalText([
    "𠮷县推进京津冀协同发展！交通一体化率先突破；生态环境明显改善。",
    "（一）加快建设雄安新区。有序承接北京非首都功能疏解",
  ]);
  const sentences = splitSentences(canonical.text, canonical.paragraphs);
  const tokens = tokenizeSentences(canonical.text, sentences);
  const map = new OffsetMap(canonical.text);

  it("gives every sentence tokens that concatenate to exactly its text", () => {
    expect(tokens.map((t) => t.join(""))).toEqual(sentences.map((s) => map.slice(s.start, s.end)));
    expect(sentences).toHaveLength(5);
  });

  it("segments like jieba does on the sentence alone", () => {
    expect(tokens).toEqual(sentences.map((s) => tokenize(map.slice(s.start, s.end))));
  });
});
