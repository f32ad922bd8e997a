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
  importQdpx: {
    description: "import a REFI-QDA project (.qdpx) into a new project; all or nothing",
    file: ".qdpx file",
    project: "name of the new project",
    offsets: "how the file counts positions: auto (detect), codepoints (the standard) or utf16 (NVivo)",
    imported: (o: { documents: number; codes: number; codings: number; memos: number; convention: string }) =>
      `imported ${o.documents} documents, ${o.codes} codes, ${o.codings} codings and ${o.memos} memos (positions read as ${o.convention})`,
    note: (line: string) => `  note: ${line}`,
  },
  importQdc: {
    description: "import a REFI-QDA codebook (.qdc) into an existing project; codes already there are reused; all or nothing",
    file: ".qdc file",
    imported: (o: { codes: number; reused: number; groups: number; memberships: number }) =>
      `imported ${o.codes} codes and ${o.groups} code groups (${o.memberships} memberships); ${o.reused} codes were already in the project`,
  },
  backup: {
    description: "back up every project and account of the database into one portable file (sign-in sessions are left out)",
    out: "backup file to write (gzip'd JSON lines)",
    wrote: (file: string, bytes: number, rows: number) => `wrote ${file} (${bytes.toLocaleString("en")} bytes, ${rows.toLocaleString("en")} rows)`,
  },
  restore: {
    description: "restore a backup into an empty database (SQLite or PostgreSQL, whichever made it); all or nothing",
    file: "backup file",
    restored: (rows: number, projects: number) => `restored ${rows.toLocaleString("en")} rows (${projects} projects)`,
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
  importQdpx: {
    description: "把 REFI-QDA 项目（.qdpx）导入为新项目；要么全部导入，要么不导入",
    file: ".qdpx 文件",
    project: "新项目的名称",
    offsets: "文件的位置计法：auto（自动检测）、codepoints（标准）或 utf16（NVivo）",
    imported: (o: { documents: number; codes: number; codings: number; memos: number; convention: string }) =>
      `已导入 ${o.documents} 个文档、${o.codes} 个代码、${o.codings} 条编码和 ${o.memos} 条备忘录（位置按 ${o.convention} 读取）`,
    note: (line: string) => `  说明：${line}`,
  },
  importQdc: {
    description: "把 REFI-QDA 代码本（.qdc）导入现有项目；已有的编码沿用；要么全部导入，要么不导入",
    file: ".qdc 文件",
    imported: (o: { codes: number; reused: number; groups: number; memberships: number }) =>
      `已导入 ${o.codes} 个编码和 ${o.groups} 个编码组（${o.memberships} 个成员）；${o.reused} 个编码项目中已有`,
  },
  backup: {
    description: "把数据库中的全部项目和账户备份为一个可移植文件（不含登录会话）",
    out: "要写入的备份文件（gzip 压缩的 JSON 行）",
    wrote: (file: string, bytes: number, rows: number) => `已写入 ${file}（${bytes.toLocaleString("zh")} 字节，${rows.toLocaleString("zh")} 行）`,
  },
  restore: {
    description: "把备份恢复到空数据库（SQLite 或 PostgreSQL 均可）；要么全部恢复，要么不恢复",
    file: "备份文件",
    restored: (rows: number, projects: number) => `已恢复 ${rows.toLocaleString("zh")} 行（${projects} 个项目）`,
  },
};

export type ExchangeMessages = typeof en;
export const EXCHANGE_MESSAGES: Record<Locale, ExchangeMessages> = { en, zh };
