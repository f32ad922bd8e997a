import type { Locale } from "../i18n/locale";

/** What the analysis commands print for people, per language (`--json` keeps its field names). */
const en = {
  filter: "document filters: field=value[,field=value…], alternatives with | (fields: region, province, city, level, type, year)",
  codes: "a code group (e.g. 3-CO) or a code with its descendants",
  coder: "only codings of these coders (comma list)",
  consensus: "the consensus of the --coder coders (two or more: agreed and adjudicated units) instead of their own codings",
  stats: {
    description: "code frequencies rolled up the code tree, overall or per group of documents or per coder",
    by: "what to split by: code (none), document, region, province, city, level, type, year, stage (the stage of the document's mega-region holding its year), coder or a document variable; combine document fields and variables with +, e.g. region+year",
    outsideStages: "outside stages",
    header: (groups: string) => `code\tcodings\tunits${groups}`,
    line: (code: string, codings: number, units: number, shareOfParent: string, shareOfAll: string, per10k: string) =>
      `${code}\t${codings} codings\t${units} units\t${shareOfParent} of parent\t${shareOfAll} of coded units\t${per10k} per 10,000 chars`,
    total: (codings: number, units: number, documents: number, chars: number) =>
      `total: ${codings} codings, ${units} coded units in ${documents} documents (${chars} characters)`,
    empty: "no codes",
  },
  cooccurrence: {
    description: "codes occurring together: in the same sentence unit, or with overlapping spans",
    mode: "unit: same sentence unit; overlap: overlapping spans",
    line: (a: string, b: string, n12: number, n1: number, n2: number, c: string) => `${a} × ${b}\tn12=${n12}\tn1=${n1}\tn2=${n2}\tc=${c}`,
    none: "no codes occur together",
  },
  matrix: {
    description: "mismatch matrix: sentence units carrying a row code and a column code (each with its descendants), optionally within a third code; each cell with its finding",
    rows: "row codes, comma-separated (e.g. PLACE,PRIORITY,ACTOR), or one code group",
    cols: "column codes, comma-separated (e.g. COE,CON,COO), or one code group",
    within: "count only units that also carry this code (e.g. VERTICAL)",
    header: (within: string | null) => `units/codings per cell${within ? ` within ${within}` : ""}`,
    total: (units: number, codings: number) => `total: ${units} units, ${codings} codings`,
    finding: (row: string, col: string, text: string) => `finding ${row} × ${col}: ${text}`,
  },
  passages: {
    description: "the passages behind a number: codings of a code (with its descendants), in a group or co-occurring with another code",
    code: "code short name",
    groupBy: "the group's field (region, province, city, level, type, year, stage, document, coder or a document variable)",
    group: "the group's value (a document id or coder name for document/coder, a stage id for stage, \"\" for outside stages)",
    with: "the other code of a co-occurrence cell",
    mode: "co-occurrence mode with --with: unit or overlap",
    noRollUp: "only codings of the code itself, not of its descendants",
    limit: "print at most this many passages",
    header: (total: number, units: number) => `${total} passages in ${units} sentence units`,
    line: (title: string, year: string, region: string, coder: string, code: string, start: number, end: number) =>
      `${title} (${year}, ${region}) · ${coder} · ${code} · ${start}–${end}`,
    unknownYear: "year unknown",
  },
  variables: {
    description: "user-defined document variables: list, define, set values, apply the study's template",
    list: "list the project's document variables",
    define: "define a document variable",
    name: "variable name (letters, digits, _ or -)",
    kind: "text | number | date | boolean | category",
    categories: "the categories of a category variable (comma list)",
    labelZh: "Chinese label",
    labelEn: "English label",
    set: "set values: from a CSV (--file: document id, title or file name, then one column per variable) or for documents (--variable, --value, --document …)",
    file: "CSV file: header document,<variable>,…; empty cells leave values as they are",
    variable: "the variable to set for --document",
    value: "the value for --document (empty clears it)",
    document: "document id (repeatable)",
    template: "define the study's variables: role (core/secondary) and cityType (TYPE-A…TYPE-E)",
    line: (name: string, kind: string, label: string, categories: string) => `${name}\t${kind}\t${label}${categories ? `\t${categories}` : ""}`,
    none: "no document variables",
    defined: (name: string) => `✓ defined ${name}`,
    imported: (documents: number, values: number) => `✓ ${values} values set on ${documents} documents`,
    unmatched: (key: string) => `✗ no document named "${key}"`,
    updated: (n: number) => `✓ ${n} documents updated`,
    needFileOrVariable: "give --file, or --variable with --document",
  },
  errors: {
    groupWithoutBy: "--group needs --group-by",
    integer: (flag: string, value: string) => `${flag} must be a whole number, not "${value}"`,
  },
};

export type AnalysisCliMessages = typeof en;

const zh: AnalysisCliMessages = {
  filter: "文档筛选：字段=值[,字段=值…]，多个取值用 | 分隔（字段：region、province、city、level、type、year）",
  codes: "代码组（如 3-CO），或某个代码及其下级代码",
  coder: "只统计这些编码者的编码（逗号分隔）",
  consensus: "使用 --coder 所列编码者（两位或以上）的共识（一致及已裁决的句子），而非各自的编码",
  stats: {
    description: "按代码树汇总的代码频次：总体、按文档分组或按编码者",
    by: "分组依据：code（不分组）、document、region、province、city、level、type、year、stage（文档所在城市群中包含其年份的阶段）、coder 或文档变量；文档字段与变量可用 + 组合，如 region+year",
    outsideStages: "阶段之外",
    header: (groups: string) => `代码\t编码数\t句子数${groups}`,
    line: (code: string, codings: number, units: number, shareOfParent: string, shareOfAll: string, per10k: string) =>
      `${code}\t${codings} 处编码\t${units} 个句子\t占上级 ${shareOfParent}\t占已编码句子 ${shareOfAll}\t每万字 ${per10k}`,
    total: (codings: number, units: number, documents: number, chars: number) =>
      `合计：${documents} 篇文档（${chars} 字）中 ${codings} 处编码、${units} 个已编码句子`,
    empty: "没有代码",
  },
  cooccurrence: {
    description: "共现的代码：同一句子中，或编码范围重叠",
    mode: "unit：同一句子；overlap：编码范围重叠",
    line: (a: string, b: string, n12: number, n1: number, n2: number, c: string) => `${a} × ${b}\tn12=${n12}\tn1=${n1}\tn2=${n2}\tc=${c}`,
    none: "没有共现的代码",
  },
  matrix: {
    description: "错配矩阵：同时带有行代码与列代码（各含下级代码）的句子，可限定于第三个代码之内；每个单元格附其发现",
    rows: "行代码，逗号分隔（如 PLACE,PRIORITY,ACTOR），或一个代码组",
    cols: "列代码，逗号分隔（如 COE,CON,COO），或一个代码组",
    within: "只计同时带有该代码的句子（如 VERTICAL）",
    header: (within: string | null) => `各单元格 句子数/编码数${within ? `（限于 ${within}）` : ""}`,
    total: (units: number, codings: number) => `合计：${units} 个句子，${codings} 条编码`,
    finding: (row: string, col: string, text: string) => `发现 ${row} × ${col}：${text}`,
  },
  passages: {
    description: "某个数字背后的段落：某代码（含下级代码）的编码，可限定分组或与另一代码共现",
    code: "代码简称",
    groupBy: "分组字段（region、province、city、level、type、year、stage、document、coder 或文档变量）",
    group: "分组取值（document/coder 时为文档 id 或编码者姓名，stage 时为阶段 id，\"\" 表示阶段之外）",
    with: "共现单元格中的另一个代码",
    mode: "与 --with 一起使用的共现方式：unit 或 overlap",
    noRollUp: "只含该代码本身的编码，不含下级代码",
    limit: "最多输出的段落数",
    header: (total: number, units: number) => `${units} 个句子中的 ${total} 处段落`,
    line: (title: string, year: string, region: string, coder: string, code: string, start: number, end: number) =>
      `${title}（${year}，${region}）· ${coder} · ${code} · ${start}–${end}`,
    unknownYear: "年份不详",
  },
  variables: {
    description: "自定义文档变量：列出、定义、赋值、套用研究模板",
    list: "列出项目的文档变量",
    define: "定义文档变量",
    name: "变量名（字母、数字、_ 或 -）",
    kind: "text | number | date | boolean | category",
    categories: "分类变量的类别（逗号分隔）",
    labelZh: "中文名称",
    labelEn: "英文名称",
    set: "赋值：来自 CSV（--file：文档 id、标题或文件名，其后每列一个变量），或为指定文档赋值（--variable、--value、--document …）",
    file: "CSV 文件：表头 document,<变量>,…；空单元格保持原值",
    variable: "为 --document 赋值的变量",
    value: "--document 的取值（留空则清除）",
    document: "文档 id（可重复）",
    template: "定义研究所用变量：role（核心/次级）与 cityType（TYPE-A…TYPE-E）",
    line: (name: string, kind: string, label: string, categories: string) => `${name}\t${kind}\t${label}${categories ? `\t${categories}` : ""}`,
    none: "没有文档变量",
    defined: (name: string) => `✓ 已定义 ${name}`,
    imported: (documents: number, values: number) => `✓ 已为 ${documents} 篇文档设置 ${values} 个值`,
    unmatched: (key: string) => `✗ 没有名为"${key}"的文档`,
    updated: (n: number) => `✓ 已更新 ${n} 篇文档`,
    needFileOrVariable: "请给出 --file，或 --variable 与 --document",
  },
  errors: {
    groupWithoutBy: "--group 需要同时给出 --group-by",
    integer: (flag: string, value: string) => `${flag} 须为整数，而不是"${value}"`,
  },
};

export const ANALYSIS_CLI_MESSAGES: Record<Locale, AnalysisCliMessages> = { en, zh };
