import type { Bilingual, Locale } from "../i18n/locale";

/**
 * Everything the CLI prints for people, per language: command and option help, and the
 * text lines of each command (`--json` output keeps its machine-readable fields). The
 * Chinese table must have every key of the English one, so neither can fall behind.
 */
const en = {
  program: "Juncture — qualitative coding of Chinese policy texts",
  lang: "language of messages: zh or en (default: LC_ALL / LC_MESSAGES / LANG, else en)",
  help: "display help for command",
  helpCommand: "display help for a command",
  helpAfterError: "(add --help for additional information)",
  titles: { "Usage:": "Usage:", "Options:": "Options:", "Commands:": "Commands:", "Arguments:": "Arguments:", "Global Options:": "Global Options:" } as Record<string, string>,
  /** Commander's "(choices: …, default: …)" after an option's description. */
  optionExtra: (o: { choices?: readonly string[]; default?: string }) =>
    [o.choices && `choices: ${o.choices.join(", ")}`, o.default !== undefined && `default: ${o.default}`].filter(Boolean).join(", "),

  project: "project name",
  json: "print JSON",
  coderDefault: "coder name (default $JUNCTURE_CODER or $USER)",

  import: {
    description: "import files or folders (recursive) into a project, creating it if missing",
    paths: "files or folders",
    region: "mega-region code",
    province: "province, e.g. 河北省",
    city: "city, e.g. 保定市",
    issuer: "issuing body",
    year: "year, e.g. 2018",
    date: "date",
    type: "plan | work-report | five-year-plan | interview | field-notes | other",
    level: "governance level",
    language: "language tag, default zh-Hans",
    source: "source URL or archive reference",
    encoding: "force a text encoding, e.g. gb18030",
    templates: "codebooks for a new project: comma list or none (default 3co,mismatches)",
    missing: "no such file or folder",
    ok: (file: string, chars: number, sentences: number, encoding: string) => `✓ ${file}: ${chars} chars, ${sentences} sentences, ${encoding}`,
    failed: (file: string, reason: string) => `✗ ${file}: ${reason}`,
    warning: (text: string) => `  ! ${text}`,
    summary: (o: { project: string; created: boolean; imported: number; failed: number; skipped: number }) =>
      `project “${o.project}”${o.created ? " (created)" : ""}: ${o.imported} imported, ${o.failed} failed` +
      (o.skipped ? `, ${o.skipped} skipped (not TXT/DOCX/DOC/WPS/RTF/ODT/EPUB/PDF/HTML)` : ""),
    failedLine: (file: string, reason: string) => `  failed: ${file}: ${reason}`,
    skippedLine: (file: string) => `  skipped: ${file}`,
  },
  projects: {
    description: "list projects",
    line: (p: { name: string; documentCount: number; charCount: number; codingCount: number; id: string }) =>
      `${p.name}\t${p.documentCount} documents\t${p.charCount} chars\t${p.codingCount} codings\t${p.id}`,
    none: "no projects yet",
  },
  documents: {
    description: "list a project's documents",
    region: "mega-region code",
    province: "province",
    year: "year",
    type: "document type",
    level: "governance level",
    line: (d: { id: string; year: number | null; region: string; docType: string; charCount: number; title: string }) =>
      `${d.id}\t${d.year ?? "—"}\t${d.region}\t${d.docType}\t${d.charCount} chars\t${d.title}`,
    none: "no documents",
  },
  demo: {
    description: "load the demo project into the current database",
    reset: "replace an existing demo project",
    loaded: (name: string, documents: number, codings: number) => `demo project “${name}” loaded: ${documents} documents, ${codings} codings`,
    present: (name: string) => `demo project “${name}” already present (use --reset to reload)`,
  },
  codebook: {
    description: "print a project's codebook tree with coding counts",
    counts: (own: number, total: number) => (own === total ? `(${own})` : `(${own}, ${total} with sub-codes)`),
    empty: "empty codebook",
  },
  code: {
    description: "code a span of a document (offsets in Unicode code points)",
    document: "document id",
    code: "code short name, e.g. COE-1",
    start: "start offset (code points)",
    end: "end offset (code points, exclusive)",
    comment: "comment",
    done: (code: string, start: number, end: number, quote: string, id: string) => `coded ${code} [${start}, ${end}) “${quote}” (${id})`,
  },
  search: {
    description: 'search the corpus: AND / OR / NOT, "phrases", word or regex mode',
    query: 'query, e.g. "雄安 AND 疏解"',
    mode: "match mode",
    region: "comma-separated mega-region codes",
    province: "comma-separated provinces",
    type: "comma-separated document types",
    level: "comma-separated governance levels",
    from: "from year",
    to: "to year",
    codedWith: "only sentences coded with any of these codes",
    notCodedWith: "only sentences not coded with these codes",
    limit: "maximum hits",
    hits: (n: number) => `${n} hits`,
  },
  suggest: {
    description: "sentences matching a code's keywords, not yet coded with it",
    code: "code short name, e.g. CON-1",
    accept: "accept these sentence ids (comma-separated): code them",
    reject: "reject these sentence ids (comma-separated): never suggest them again",
    coder: "coder name for accepted sentences",
    limit: "maximum sentences",
    decided: (o: { accepted: number; rejected: number; created: number; skipped: number }) =>
      `${o.accepted} accepted (${o.created} codings created, ${o.skipped} already coded), ${o.rejected} rejected`,
    none: "no suggestions",
  },
  errors: {
    integer: (flag: string, value: string) => `${flag} must be an integer, not “${value}”`,
    year: (value: string) => `--year must be a year such as 2018, not “${value}”`,
    docType: (value: string) => `--type “${value}” is not one of plan, work-report, five-year-plan, interview, field-notes, other`,
    noCode: (shortName: string) => `no code “${shortName}” in this project`,
  },
};

export type CliMessages = typeof en;

const zh: CliMessages = {
  program: "Juncture — 中文政策文本质性编码工作台",
  lang: "提示语言：zh 或 en（默认依 LC_ALL / LC_MESSAGES / LANG，否则英文）",
  help: "显示命令帮助",
  helpCommand: "显示某个命令的帮助",
  helpAfterError: "（加 --help 查看更多说明）",
  titles: { "Usage:": "用法：", "Options:": "选项：", "Commands:": "命令：", "Arguments:": "参数：", "Global Options:": "全局选项：" },
  optionExtra: (o) =>
    [o.choices && `可选值：${o.choices.join("、")}`, o.default !== undefined && `默认：${o.default}`].filter(Boolean).join("；"),

  project: "项目名称",
  json: "输出 JSON",
  coderDefault: "编码者名称（默认 $JUNCTURE_CODER 或 $USER）",

  import: {
    description: "导入文件或文件夹（递归）到项目，项目不存在时自动创建",
    paths: "文件或文件夹",
    region: "大区代码",
    province: "省份，如 河北省",
    city: "城市，如 保定市",
    issuer: "发文机关",
    year: "年份，如 2018",
    date: "日期",
    type: "plan | work-report | five-year-plan | interview | field-notes | other（文档类型）",
    level: "治理层级",
    language: "语言标签，默认 zh-Hans",
    source: "来源网址或档案编号",
    encoding: "指定文本编码，如 gb18030",
    templates: "新项目的编码本：逗号分隔列表或 none（默认 3co,mismatches）",
    missing: "文件或文件夹不存在",
    ok: (file, chars, sentences, encoding) => `✓ ${file}：${chars} 字，${sentences} 句，${encoding}`,
    failed: (file, reason) => `✗ ${file}：${reason}`,
    warning: (text) => `  ! ${text}`,
    summary: (o) =>
      `项目“${o.project}”${o.created ? "（新建）" : ""}：导入 ${o.imported} 个，失败 ${o.failed} 个` +
      (o.skipped ? `，跳过 ${o.skipped} 个（不是 TXT/DOCX/DOC/WPS/RTF/ODT/EPUB/PDF/HTML）` : ""),
    failedLine: (file, reason) => `  失败：${file}：${reason}`,
    skippedLine: (file) => `  跳过：${file}`,
  },
  projects: {
    description: "项目列表",
    line: (p) => `${p.name}\t${p.documentCount} 篇文档\t${p.charCount} 字\t${p.codingCount} 处编码\t${p.id}`,
    none: "暂无项目",
  },
  documents: {
    description: "项目的文档列表",
    region: "大区代码",
    province: "省份",
    year: "年份",
    type: "文档类型",
    level: "治理层级",
    line: (d) => `${d.id}\t${d.year ?? "—"}\t${d.region}\t${d.docType}\t${d.charCount} 字\t${d.title}`,
    none: "暂无文档",
  },
  demo: {
    description: "将示例项目载入当前数据库",
    reset: "替换已有的示例项目",
    loaded: (name, documents, codings) => `示例项目“${name}”已载入：${documents} 篇文档，${codings} 处编码`,
    present: (name) => `示例项目“${name}”已存在（用 --reset 重新载入）`,
  },
  codebook: {
    description: "显示项目的编码本树及编码次数",
    counts: (own, total) => (own === total ? `（${own}）` : `（${own}，含子编码 ${total}）`),
    empty: "编码本为空",
  },
  code: {
    description: "为文档中的一段文本编码（偏移量以 Unicode 码点计）",
    document: "文档 id",
    code: "编码简称，如 COE-1",
    start: "起始偏移（码点）",
    end: "结束偏移（码点，不含）",
    comment: "备注",
    done: (code, start, end, quote, id) => `已编码 ${code} [${start}, ${end})“${quote}”（${id}）`,
  },
  search: {
    description: "检索语料：AND / OR / NOT、\"短语\"、分词或正则模式",
    query: "检索式，如 \"雄安 AND 疏解\"",
    mode: "匹配模式",
    region: "大区代码，逗号分隔",
    province: "省份，逗号分隔",
    type: "文档类型，逗号分隔",
    level: "治理层级，逗号分隔",
    from: "起始年份",
    to: "截止年份",
    codedWith: "只看已用其中任一编码的句子",
    notCodedWith: "只看未用这些编码的句子",
    limit: "最多命中数",
    hits: (n) => `命中 ${n} 处`,
  },
  suggest: {
    description: "与编码关键词匹配、尚未用该编码的句子（关键词建议）",
    code: "编码简称，如 CON-1",
    accept: "接受这些句子 id（逗号分隔）：为其编码",
    reject: "拒绝这些句子 id（逗号分隔）：不再建议",
    coder: "接受的句子记在哪位编码者名下",
    limit: "最多句子数",
    decided: (o) => `接受 ${o.accepted} 句（新建编码 ${o.created} 处，已编码 ${o.skipped} 处），拒绝 ${o.rejected} 句`,
    none: "暂无建议",
  },
  errors: {
    integer: (flag, value) => `${flag} 必须是整数，而不是“${value}”`,
    year: (value) => `--year 必须是年份（如 2018），而不是“${value}”`,
    docType: (value) => `--type“${value}”不是 plan、work-report、five-year-plan、interview、field-notes、other 之一`,
    noCode: (shortName) => `本项目中没有编码“${shortName}”`,
  },
};

export const CLI_MESSAGES: Record<Locale, CliMessages> = { en, zh };

/** A CLI refusal in both languages (an AppError's text): `both((m) => m.errors.year(v))`. */
export function both(pick: (m: CliMessages) => string): Bilingual {
  return { en: pick(en), zh: pick(zh) };
}
