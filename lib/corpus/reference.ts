/**
 * Reference data from the research framework: the 19 mega-regions of the 14th
 * Five-Year Plan, governance levels, document types and provincial-level divisions.
 * Codes are stable identifiers stored on documents; labels are for display.
 */

export type RegionPhase = "optimizing" | "expanding" | "cultivating";

export type MegaRegion = {
  code: string;
  zh: string;
  en: string;
  phase: RegionPhase | null;
};

export const MEGA_REGIONS: readonly MegaRegion[] = [
  { code: "BTH", zh: "京津冀", en: "Beijing-Tianjin-Hebei", phase: "optimizing" },
  { code: "YRD", zh: "长三角", en: "Yangtze River Delta", phase: "optimizing" },
  { code: "GBA", zh: "粤港澳大湾区", en: "Guangdong-Hong Kong-Macao Greater Bay Area", phase: "optimizing" },
  { code: "CC", zh: "成渝", en: "Chengdu-Chongqing", phase: "optimizing" },
  { code: "MYR", zh: "长江中游", en: "Middle Yangtze River", phase: "optimizing" },
  { code: "SD", zh: "山东半岛", en: "Shandong Peninsula", phase: "expanding" },
  { code: "WTS", zh: "粤闽浙沿海", en: "West Taiwan Strait (Guangdong-Fujian-Zhejiang coast)", phase: "expanding" },
  { code: "CP", zh: "中原", en: "Central Plain", phase: "expanding" },
  { code: "GZP", zh: "关中平原", en: "Guanzhong Plain", phase: "expanding" },
  { code: "BBG", zh: "北部湾", en: "Beibu Gulf", phase: "expanding" },
  { code: "HC", zh: "哈长", en: "Harbin-Changchun", phase: "cultivating" },
  { code: "SCLN", zh: "辽中南", en: "South-central Liaoning", phase: "cultivating" },
  { code: "CSX", zh: "山西中部", en: "Central Shanxi", phase: "cultivating" },
  { code: "CGZ", zh: "黔中", en: "Central Guizhou", phase: "cultivating" },
  { code: "CYN", zh: "滇中", en: "Central Yunnan", phase: "cultivating" },
  { code: "HBOY", zh: "呼包鄂榆", en: "Hohhot-Baotou-Ordos-Yulin", phase: "cultivating" },
  { code: "LZXN", zh: "兰州-西宁", en: "Lanzhou-Xining", phase: "cultivating" },
  { code: "NXYR", zh: "宁夏沿黄", en: "Ningxia along the Yellow River", phase: "cultivating" },
  { code: "TSNS", zh: "天山北坡", en: "Tianshan North Slope", phase: "cultivating" },
  { code: "other", zh: "其他", en: "Other / none", phase: null },
];

export const REGION_CODES = MEGA_REGIONS.map((r) => r.code) as [string, ...string[]];

export const GOVERNANCE_LEVELS = [
  { code: "national", zh: "国家", en: "National" },
  { code: "provincial", zh: "省级", en: "Provincial" },
  { code: "city", zh: "市级", en: "City" },
  { code: "other", zh: "其他", en: "Other" },
] as const;
export type GovernanceLevel = (typeof GOVERNANCE_LEVELS)[number]["code"];
export const LEVEL_CODES = GOVERNANCE_LEVELS.map((l) => l.code) as [GovernanceLevel, ...GovernanceLevel[]];

export const DOCUMENT_TYPES = [
  { code: "plan", zh: "发展规划", en: "Development plan" },
  { code: "work-report", zh: "政府工作报告", en: "Government work report" },
  { code: "five-year-plan", zh: "五年规划", en: "Five-year plan" },
  { code: "interview", zh: "访谈", en: "Interview" },
  { code: "field-notes", zh: "田野笔记", en: "Field notes" },
  { code: "other", zh: "其他", en: "Other" },
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number]["code"];
export const DOC_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [DocumentType, ...DocumentType[]];

/**
 * Provincial-level divisions, with the short forms that appear in file names and
 * the mega-region a document from there most often belongs to (a default the
 * researcher can change: some provinces span two mega-regions).
 */
export const PROVINCES: readonly { name: string; short: string; region: string }[] = [
  { name: "北京市", short: "北京", region: "BTH" },
  { name: "天津市", short: "天津", region: "BTH" },
  { name: "河北省", short: "河北", region: "BTH" },
  { name: "上海市", short: "上海", region: "YRD" },
  { name: "江苏省", short: "江苏", region: "YRD" },
  { name: "浙江省", short: "浙江", region: "YRD" },
  { name: "安徽省", short: "安徽", region: "YRD" },
  { name: "广东省", short: "广东", region: "GBA" },
  { name: "香港特别行政区", short: "香港", region: "GBA" },
  { name: "澳门特别行政区", short: "澳门", region: "GBA" },
  { name: "重庆市", short: "重庆", region: "CC" },
  { name: "四川省", short: "四川", region: "CC" },
  { name: "湖北省", short: "湖北", region: "MYR" },
  { name: "湖南省", short: "湖南", region: "MYR" },
  { name: "江西省", short: "江西", region: "MYR" },
  { name: "山东省", short: "山东", region: "SD" },
  { name: "福建省", short: "福建", region: "WTS" },
  { name: "河南省", short: "河南", region: "CP" },
  { name: "陕西省", short: "陕西", region: "GZP" },
  { name: "广西壮族自治区", short: "广西", region: "BBG" },
  { name: "海南省", short: "海南", region: "BBG" },
  { name: "黑龙江省", short: "黑龙江", region: "HC" },
  { name: "吉林省", short: "吉林", region: "HC" },
  { name: "辽宁省", short: "辽宁", region: "SCLN" },
  { name: "山西省", short: "山西", region: "CSX" },
  { name: "贵州省", short: "贵州", region: "CGZ" },
  { name: "云南省", short: "云南", region: "CYN" },
  { name: "内蒙古自治区", short: "内蒙古", region: "HBOY" },
  { name: "甘肃省", short: "甘肃", region: "LZXN" },
  { name: "青海省", short: "青海", region: "LZXN" },
  { name: "宁夏回族自治区", short: "宁夏", region: "NXYR" },
  { name: "新疆维吾尔自治区", short: "新疆", region: "TSNS" },
  { name: "西藏自治区", short: "西藏", region: "other" },
  { name: "台湾省", short: "台湾", region: "other" },
];

/** Centrally administered municipalities: a city and a province at once. */
export const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市"]);

export function regionLabel(code: string): string {
  const r = MEGA_REGIONS.find((m) => m.code === code);
  return r ? `${r.zh} ${r.en}` : code;
}
