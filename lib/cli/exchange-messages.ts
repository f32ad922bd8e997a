import type { Locale } from "../i18n/locale";

/** What the exchange commands print for people, per language (same keys in both). */
const en = {
  export: {
    description: "export a project: codings as CSV or XLSX, the whole project as JSON, a code × sentence matrix, REFI-QDA .qdpx or codebook .qdc",
    format: "export format",
    out: "file to write",
    codes: "only these codes (comma-separated short names or ids; each selects its subtree)",
    documents: "only these documents (comma-separated ids or titles)",
    coders: "only codings of these coders (comma-separated names)",
    positions: "REFI-QDA positions: Unicode code points (the standard) or UTF-16 code units (as NVivo counts)",
    wrote: (file: string, bytes: number) => `wrote ${file} (${bytes.toLocaleString("en")} bytes)`,
  },
};

const zh: typeof en = {
  export: {
    description: "导出项目：编码（CSV 或 XLSX）、整个项目（JSON）、代码 × 句子矩阵、REFI-QDA 项目 .qdpx 或代码本 .qdc",
    format: "导出格式",
    out: "输出文件",
    codes: "只导出这些代码（逗号分隔的简称或 id；含其子代码）",
    documents: "只导出这些文档（逗号分隔的 id 或标题）",
    coders: "只导出这些编码者的编码（逗号分隔的名字）",
    positions: "REFI-QDA 位置：Unicode 码位（标准）或 UTF-16 码元（NVivo 的计法）",
    wrote: (file: string, bytes: number) => `已写入 ${file}（${bytes.toLocaleString("zh")} 字节）`,
  },
};

export type ExchangeMessages = typeof en;
export const EXCHANGE_MESSAGES: Record<Locale, ExchangeMessages> = { en, zh };
