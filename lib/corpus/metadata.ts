import { z } from "zod";
import {
  DOC_TYPE_CODES,
  LEVEL_CODES,
  MUNICIPALITIES,
  PROVINCES,
  REGION_CODES,
  type DocumentType,
  type GovernanceLevel,
} from "./reference";
import { zodText } from "../i18n/text";

/**
 * Document metadata: one zod schema shared by the upload form, the API, the CLI
 * and the metadata editor. Every field is what analyses filter and group by.
 */
export const documentMetadataSchema = z.object({
  title: z.string().trim().min(1, zodText("title is required", "标题不能为空")).max(500),
  region: z.enum(REGION_CODES, { message: `region must be one of ${REGION_CODES.join(", ")}` }),
  province: z.string().trim().max(50),
  city: z.string().trim().max(50),
  issuer: z.string().trim().max(200),
  level: z.enum(LEVEL_CODES, { message: `level must be one of ${LEVEL_CODES.join(", ")}` }),
  docType: z.enum(DOC_TYPE_CODES, { message: `type must be one of ${DOC_TYPE_CODES.join(", ")}` }),
  year: z
    .number()
    .int()
    .min(1900, "year must be between 1900 and 2100")
    .max(2100, "year must be between 1900 and 2100")
    .nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be yyyy-mm-dd")
    .nullable(),
  language: z.string().trim().min(2).max(20),
  sourceRef: z.string().trim().max(2000),
});

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

/** A partial update (metadata editor, CLI flags); unspecified fields stay as they are. */
export const documentMetadataPatchSchema = documentMetadataSchema.partial();
export type DocumentMetadataPatch = z.infer<typeof documentMetadataPatchSchema>;

/** Accepts the CLI's short type aliases as well as the stored codes. */
export function normalizeDocType(value: string): DocumentType | undefined {
  const v = value.trim().toLowerCase();
  const aliases: Record<string, DocumentType> = {
    "work-report": "work-report",
    workreport: "work-report",
    report: "work-report",
    gwr: "work-report",
    plan: "plan",
    "development-plan": "plan",
    "five-year-plan": "five-year-plan",
    fyp: "five-year-plan",
    interview: "interview",
    "field-notes": "field-notes",
    fieldnotes: "field-notes",
    other: "other",
  };
  return aliases[v];
}

// Prefecture-level cities of the study's mega-regions, so that a file named after
// a city fills in its province too. Other cities are still recognised by the 市
// suffix; only the province is then left for the researcher.
const CITY_PROVINCE: Record<string, string> = Object.fromEntries(
  [
    ["河北省", "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水"],
    ["四川省", "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳"],
    ["辽宁省", "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛"],
    ["内蒙古自治区", "呼和浩特 包头 鄂尔多斯 呼伦贝尔 海拉尔"],
    ["江苏省", "南京 苏州 无锡 常州 南通 扬州 镇江 泰州 盐城"],
    ["浙江省", "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 舟山 台州"],
    ["广东省", "广州 深圳 珠海 佛山 惠州 东莞 中山 江门 肇庆"],
    ["湖北省", "武汉 黄石 宜昌 襄阳 荆州"],
  ].flatMap(([province, cities]) => cities.split(" ").map((c) => [c, province])),
);

export type InferredMetadata = Partial<
  Pick<DocumentMetadata, "title" | "year" | "province" | "city" | "docType" | "level" | "region" | "issuer">
>;

/**
 * Guesses metadata from a file name (and optionally the first lines of text):
 * a year such as 2018, a province or city such as 河北省 / 保定市, and the
 * document type from words such as 政府工作报告. Only a suggestion: the upload
 * form and CLI flags override every field.
 */
export function inferMetadataFromFilename(fileName: string): InferredMetadata {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "");
  const out: InferredMetadata = { title: base.replace(/[_]+/g, " ").trim() || base };

  const year = base.match(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/);
  if (year) out.year = Number(year[1]);

  if (/政府工作报告|work[-_ ]?report|govworkreport|(^|[_\- ])report($|[_\- ])/i.test(base)) out.docType = "work-report";
  else if (/五年规划|五年计划|十[一二三四五六]五/.test(base)) out.docType = "five-year-plan";
  else if (/规划|纲要|plan/i.test(base)) out.docType = "plan";
  else if (/访谈|interview/i.test(base)) out.docType = "interview";
  else if (/田野|field[-_ ]?notes/i.test(base)) out.docType = "field-notes";

  if (/国务院|全国|中央/.test(base)) {
    out.level = "national";
    out.region = "other";
    out.issuer = "国务院";
  }

  const province = PROVINCES.find((p) => base.includes(p.name) || base.includes(p.short));
  if (province) {
    out.province = province.name;
    out.region = province.region;
    out.level = "provincial";
    if (MUNICIPALITIES.has(province.name)) out.city = province.name;
  }

  // A prefecture-level city: "保定市", or a known city name without the suffix.
  const cityMatch = base.match(/([\u4e00-\u9fff]{2,4}?)(市|区)/);
  const knownCity = Object.keys(CITY_PROVINCE).find((c) => base.includes(c));
  const cityStem = knownCity ?? (cityMatch && !MUNICIPALITIES.has(cityMatch[0]) ? cityMatch[1] : undefined);
  if (cityStem && !PROVINCES.some((p) => p.short === cityStem)) {
    const suffix = cityMatch && cityMatch[1] === cityStem ? cityMatch[2] : "市";
    out.city = cityStem + suffix;
    out.level = "city";
    const prov = CITY_PROVINCE[cityStem];
    if (prov) {
      out.province = prov;
      out.region = PROVINCES.find((p) => p.name === prov)?.region ?? out.region;
    }
  }
  if (out.docType === "work-report" && !out.issuer) {
    const place = out.level === "city" ? out.city : out.province;
    if (place) out.issuer = `${place}人民政府`;
  }
  return out;
}

/** Full metadata for a new document: defaults < inferred from the name < given by the user. */
export function resolveMetadata(
  fileName: string,
  given: DocumentMetadataPatch,
): DocumentMetadata {
  const inferred = inferMetadataFromFilename(fileName);
  const merged = {
    title: fileName,
    region: "other",
    province: "",
    city: "",
    issuer: "",
    level: "other" as GovernanceLevel,
    docType: "other" as DocumentType,
    year: null,
    date: null,
    language: "zh-Hans",
    sourceRef: "",
    ...stripUndefined(inferred),
    ...stripUndefined(given),
  };
  if (merged.year === null && merged.date) merged.year = Number(merged.date.slice(0, 4));
  return documentMetadataSchema.parse(merged);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
