import type { Locale } from "../i18n/locale";

/** The `juncture agreement` texts in English and Chinese (same keys; see lib/cli/messages.ts). */
const en = {
  description: "intercoder agreement per code and overall: units, percent agreement, Cohen's κ per pair, Fleiss' κ, Krippendorff's α",
  coders: "coder names, comma-separated (two or more)",
  codes: "codes to compare, comma-separated short names or ids (a parent code brings its sub-codes; default: every code the coders used)",
  documents: "document ids, comma-separated (default: all)",
  limit: "most disagreements to list",
  consensus: "print the consensus codings instead (agreed and adjudicated passages) for analyses and exports",
  consensusLine: (o: { document: string; code: string; start: number; end: number; source: string; coders: string[] }) =>
    `${o.document}\t${o.code}\t${o.start}–${o.end}\t${o.source === "agreed" ? "agreed" : "adjudicated"}\t${o.coders.join(", ")}`,
  consensusSummary: (codings: number, pending: number) => `${codings} consensus coding(s); ${pending} disagreement(s) still undecided`,
  heading: (coders: string[], documents: number) => `agreement of ${coders.join(", ")} over ${documents} document(s)`,
  leftOut: (n: number) => `${n} document(s) left out: fewer than two of the coders coded them`,
  columns: { code: "code", units: "units", coded: "coded", percent: "% agree", fleiss: "Fleiss κ", alpha: "Krippendorff α", kappa: "κ", chars: "chars" },
  overall: "overall",
  none: "no units to compare: the coders have no document in common",
  disagreements: (total: number, undecided: number, listed: number) =>
    `${total} disagreement(s), ${undecided} undecided` + (listed < total ? `; first ${listed} passages:` : ":"),
  codedBy: (code: string, coded: string[], notCoded: string[]) => `${code}: ${coded.join(", ")} coded, ${notCoded.join(", ")} not`,
  decided: (accepted: string[]) => (accepted.length ? `consensus: ${accepted.join(" + ")}` : "consensus: neither"),
};

export type AgreementMessages = typeof en;

const zh: AgreementMessages = {
  description: "编码者间一致性（逐编码与总体）：单元数、百分比一致、两两 Cohen κ、Fleiss κ、Krippendorff α",
  coders: "编码者名称，逗号分隔（至少两位）",
  codes: "比较的编码：简称或 id，逗号分隔（父编码连同其子编码；默认：编码者用过的全部编码）",
  documents: "文档 id，逗号分隔（默认：全部）",
  limit: "最多列出的分歧数",
  consensus: "改为输出共识编码（一致与已裁决的段落），供分析与导出使用",
  consensusLine: (o) => `${o.document}\t${o.code}\t${o.start}–${o.end}\t${o.source === "agreed" ? "一致" : "裁决"}\t${o.coders.join("、")}`,
  consensusSummary: (codings, pending) => `共识编码 ${codings} 处；尚有 ${pending} 处分歧未裁决`,
  heading: (coders, documents) => `${coders.join("、")} 在 ${documents} 篇文档上的一致性`,
  leftOut: (n) => `未计入 ${n} 篇文档：编码过它们的编码者不足两位`,
  columns: { code: "编码", units: "单元", coded: "已编码", percent: "一致率", fleiss: "Fleiss κ", alpha: "Krippendorff α", kappa: "κ", chars: "字符" },
  overall: "总体",
  none: "没有可比较的单元：这些编码者没有共同编码过的文档",
  disagreements: (total, undecided, listed) => `分歧 ${total} 处，未裁决 ${undecided} 处` + (listed < total ? `；前 ${listed} 段：` : "："),
  codedBy: (code, coded, notCoded) => `${code}：${coded.join("、")} 已编码，${notCoded.join("、")} 未编码`,
  decided: (accepted) => (accepted.length ? `共识：${accepted.join(" + ")}` : "共识：均不采纳"),
};

export const AGREEMENT_MESSAGES: Record<Locale, AgreementMessages> = { en, zh };
