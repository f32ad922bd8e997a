/** Messages of `juncture words` and `juncture stopwords`, in both languages. */
import type { Locale } from "../i18n/locale";

const en = {
  words: {
    description: "Chinese word frequencies from the jieba tokens (stop words removed), or keyness of two groups with --compare",
    code: "only sentences coded with this code (with its sub-codes) or code group",
    query: "only sentences with a hit of this search query",
    compare: "compare two groups: region=BTH:region=YRD, or code=COO-3:rest",
    top: "rows to print",
    minLength: "shortest word counted, in characters",
    header: (tokens: number, types: number, units: number, documents: number) => `${tokens} tokens, ${types} words, ${units} sentences in ${documents} documents`,
    line: (word: string, count: number, per10k: string, docs: number) => `${word}\t${count}\t${per10k} per 10,000\t${docs} documents`,
    compareHeader: (a: string, ta: number, b: string, tb: number, threshold: number) => `A = ${a} (${ta} tokens), B = ${b} (${tb} tokens); G² ≥ ${threshold} is p < 0.05 (*)`,
    compareLine: (word: string, ca: number, cb: number, g2: string, lr: string, sig: boolean) => `${word}\t${ca}\t${cb}\tG²=${g2}${sig ? "*" : ""}\tLR=${lr}`,
  },
  stopwords: {
    description: "show or edit a project's Chinese stop words (the built-in list with the project's additions and removals)",
    action: "list, add or remove",
    words: "words to add or remove",
    summary: (n: number, added: string, removed: string) => `${n} stop words; added: ${added || "–"}; removed: ${removed || "–"}`,
  },
};

const zh: typeof en = {
  words: {
    description: "基于 jieba 分词的中文词频（已去停用词），或用 --compare 比较两组的关键性",
    code: "仅限带此代码（含子代码）或代码组的句子",
    query: "仅限命中此检索式的句子",
    compare: "比较两组：region=BTH:region=YRD，或 code=COO-3:rest",
    top: "显示行数",
    minLength: "最小词长（字数）",
    header: (tokens, types, units, documents) => `${tokens} 个词次，${types} 个词，${documents} 篇文档中的 ${units} 个句子`,
    line: (word, count, per10k, docs) => `${word}\t${count}\t每万词 ${per10k}\t${docs} 篇文档`,
    compareHeader: (a, ta, b, tb, threshold) => `A = ${a}（${ta} 词次），B = ${b}（${tb} 词次）；G² ≥ ${threshold} 即 p < 0.05（*）`,
    compareLine: (word, ca, cb, g2, lr, sig) => `${word}\t${ca}\t${cb}\tG²=${g2}${sig ? "*" : ""}\tLR=${lr}`,
  },
  stopwords: {
    description: "查看或编辑项目的中文停用词（内置词表加上项目的增删）",
    action: "list、add 或 remove",
    words: "要添加或移除的词",
    summary: (n, added, removed) => `共 ${n} 个停用词；新增：${added || "–"}；移除：${removed || "–"}`,
  },
};

export const WORDS_CLI_MESSAGES: Record<Locale, typeof en> = { en, zh };
