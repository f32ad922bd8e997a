import { z } from "zod";
import { titleFromName } from "../text/title";
import {
  DISTRICTS,
  DOC_TYPE_CODES,
  LEVEL_CODES,
  MUNICIPALITIES,
  PREFECTURE_CITIES,
  PROVINCES,
  REGION_CODES,
  type DocumentType,
  type GovernanceLevel,
} from "./reference";
import { zodText } from "../i18n/text";

const YEAR_RANGE = zodText("year must be between 1900 and 2100", "年份须在 1900 至 2100 之间");

/**
 * Document metadata: one zod schema shared by the upload form, the API, the CLI
 * and the metadata editor. Every field is what analyses filter and group by.
 */
export const documentMetadataSchema = z.object({
  title: z.string().trim().min(1, zodText("title is required", "标题不能为空")).max(500),
  region: z.enum(REGION_CODES, {
    message: zodText(`region must be one of ${REGION_CODES.join(", ")}`, `大区须为 ${REGION_CODES.join("、")} 之一`),
  }),
  province: z.string().trim().max(50),
  city: z.string().trim().max(50),
  issuer: z.string().trim().max(200),
  level: z.enum(LEVEL_CODES, {
    message: zodText(`level must be one of ${LEVEL_CODES.join(", ")}`, `治理层级须为 ${LEVEL_CODES.join("、")} 之一`),
  }),
  docType: z.enum(DOC_TYPE_CODES, {
    message: zodText(`type must be one of ${DOC_TYPE_CODES.join(", ")}`, `文档类型须为 ${DOC_TYPE_CODES.join("、")} 之一`),
  }),
  year: z
    .number()
    .int()
    .min(1900, YEAR_RANGE)
    .max(2100, YEAR_RANGE)
    .nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, zodText("date must be yyyy-mm-dd", "日期格式须为 yyyy-mm-dd"))
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

/** City stem → its province, from the reference list of prefecture-level cities. */
const CITY_PROVINCE: ReadonlyMap<string, string> = new Map(
  Object.entries(PREFECTURE_CITIES).flatMap(([province, stems]) => stems.split(" ").map((c) => [c, province] as const)),
);

/** Longest names first, so that 内蒙古自治区 wins over a shorter overlap. */
const byLength = <T>(key: (t: T) => string) => (a: T, b: T) => key(b).length - key(a).length;
const PROVINCES_LONGEST_FIRST = [...PROVINCES].sort(byLength((p) => p.name));
const SHORTS_LONGEST_FIRST = [...PROVINCES].sort(byLength((p) => p.short));
const CITY_STEMS_LONGEST_FIRST = [...CITY_PROVINCE.keys()].sort(byLength((c) => c));
const DISTRICTS_LONGEST_FIRST = [...DISTRICTS].sort(byLength((d) => d.stem));

/** A year in a name, with the 年/年度 that often follows it (never part of a place name). */
const YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)(?:年度|年)?/gu;
/** Words that follow a place name in a file name: what is before them may be a place. */
const AFTER_PLACE = /^(?:人民政府|政府|国民经济|委员会|党委|人大|$)/u;

type Place = { province?: string; city?: string; level: "provincial" | "city" };

/**
 * The place a name is about. Chinese runs are read from their start: a province (full
 * name, or short form such as 新疆), then a prefecture-level city or district (known, or
 * any 2–5-character name ending in 市/区/县 that ends the run or is followed by 政府 and
 * the like). The four municipalities are provincial-level: province 北京市, no city.
 */
function inferPlace(base: string): Place | undefined {
  const runs = base.replace(YEAR, " ").match(/[\u4e00-\u9fff]+/gu) ?? [];
  for (const run of runs) {
    const place = placeAtStart(run);
    if (place) return place;
  }
  // A full province or city name inside a longer run ("关于河北省…", "…保定市…").
  for (const run of runs) {
    const province = PROVINCES_LONGEST_FIRST.find((p) => run.includes(p.name));
    const city = CITY_STEMS_LONGEST_FIRST.find((c) => run.includes(`${c}市`));
    if (city) return { province: CITY_PROVINCE.get(city), city: `${city}市`, level: "city" };
    if (province) return { province: province.name, level: "provincial" };
  }
  return undefined;
}

function placeAtStart(run: string): Place | undefined {
  let rest = run;
  let province: string | undefined;
  // A district named like a province's short form (天津 河北区) comes before the province.
  const district0 = districtAt(rest);
  if (district0) return district0;
  const full = PROVINCES_LONGEST_FIRST.find((p) => rest.startsWith(p.name));
  const short = full ? undefined : SHORTS_LONGEST_FIRST.find((p) => rest.startsWith(p.short));
  const prov = full ?? short;
  if (prov) {
    province = prov.name;
    rest = rest.slice(full ? prov.name.length : prov.short.length);
    // "吉林市" is a city of 吉林省, not the province followed by "市".
    if (!full && rest.startsWith("市") && CITY_PROVINCE.has(prov.short) && !MUNICIPALITIES.has(prov.name)) {
      return { province: CITY_PROVINCE.get(prov.short), city: `${prov.short}市`, level: "city" };
    }
    if (!full && rest.startsWith("市")) rest = rest.slice(1);
  }
  const local = districtAt(rest) ?? cityAt(rest);
  if (local) {
    // A city named after its province's own short form is checked against the province.
    if (province && local.province && local.province !== province) return { province, level: "provincial" };
    return { ...local, province: local.province ?? province };
  }
  return province ? { province, level: "provincial" } : undefined;
}

function districtAt(s: string): Place | undefined {
  const d = DISTRICTS_LONGEST_FIRST.find((x) => s.startsWith(`${x.stem}区`));
  if (!d) return undefined;
  return { province: d.province, city: d.city ?? `${d.stem}区`, level: "city" };
}

function cityAt(s: string): Place | undefined {
  const known = CITY_STEMS_LONGEST_FIRST.find((c) => s.startsWith(c) && !/^[区县]/u.test(s.slice(c.length)));
  if (known) return { province: CITY_PROVINCE.get(known), city: `${known}市`, level: "city" };
  const m = s.match(/^([\u4e00-\u9fff]{2,5}?)(市|区|县)/u);
  if (m && AFTER_PLACE.test(s.slice(m[0].length)) && !PROVINCES.some((p) => p.short === m[1])) {
    return { city: m[0], level: "city" };
  }
  return undefined;
}

export type InferredMetadata = Partial<
  Pick<DocumentMetadata, "title" | "year" | "province" | "city" | "docType" | "level" | "region" | "issuer">
>;

/**
 * Guesses metadata from a file name: a year such as 2018 (its 年 never joins a place
 * name), a province, municipality, city or district (see inferPlace), and the document
 * type from words such as 政府工作报告. Only a suggestion: the upload form and CLI flags
 * override every field.
 */
export function inferMetadataFromFilename(fileName: string): InferredMetadata {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "");
  const out: InferredMetadata = { title: titleFromName(base) || base };

  const year = base.match(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/);
  if (year) out.year = Number(year[1]);

  if (/政府工作报告|work[-_ ]?report|govworkreport|(^|[_\- ])report($|[_\- ])/i.test(base)) out.docType = "work-report";
  else if (/五年规划|五年计划|十[一二三四五六]五/.test(base)) out.docType = "five-year-plan";
  else if (/规划|纲要|plan/i.test(base)) out.docType = "plan";
  else if (/访谈|interview/i.test(base)) out.docType = "interview";
  else if (/田野|field[-_ ]?notes/i.test(base)) out.docType = "field-notes";

  const place = /国务院|全国|中央/.test(base) ? undefined : inferPlace(base);
  if (/国务院|全国|中央/.test(base)) {
    out.level = "national";
    out.region = "other";
    out.issuer = "国务院";
  } else if (place) {
    out.level = place.level;
    if (place.province) {
      out.province = place.province;
      out.region = PROVINCES.find((p) => p.name === place.province)?.region ?? "other";
    }
    if (place.city) out.city = place.city;
  }
  if (out.docType === "work-report" && !out.issuer) {
    // A municipality's district is named with its municipality: 北京市海淀区人民政府.
    const inMunicipality = out.city?.endsWith("区") && out.province && MUNICIPALITIES.has(out.province);
    const where = out.level === "city" ? (inMunicipality ? `${out.province}${out.city}` : out.city) : out.province;
    if (where) out.issuer = `${where}人民政府`;
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
