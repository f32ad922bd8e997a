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

/**
 * Centrally administered municipalities (直辖市): provincial-level units. A document of
 * 北京市 is provincial (province 北京市, no city); their districts are the local level.
 */
export const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市"]);

/** Prefecture-level cities (地级市) by province, without the 市 suffix. */
export const PREFECTURE_CITIES: Readonly<Record<string, string>> = {
  河北省: "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
  山西省: "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
  内蒙古自治区: "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
  辽宁省: "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
  吉林省: "长春 吉林 四平 辽源 通化 白山 松原 白城",
  黑龙江省: "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
  江苏省: "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
  浙江省: "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
  安徽省: "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
  福建省: "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
  江西省: "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
  山东省: "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
  河南省: "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店",
  湖北省: "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州",
  湖南省: "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底",
  广东省: "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
  广西壮族自治区: "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
  海南省: "海口 三亚 三沙 儋州",
  四川省: "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
  贵州省: "贵阳 六盘水 遵义 安顺 毕节 铜仁",
  云南省: "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧",
  西藏自治区: "拉萨 日喀则 昌都 林芝 山南 那曲",
  陕西省: "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
  甘肃省: "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
  青海省: "西宁 海东",
  宁夏回族自治区: "银川 石嘴山 吴忠 固原 中卫",
  新疆维吾尔自治区: "乌鲁木齐 克拉玛依 吐鲁番 哈密",
};

/**
 * Districts (区) recognised with their province and, below a prefecture-level city, that
 * city: the districts of the four municipalities, plus districts and new areas the
 * shared corpus names. Written without the 区 suffix.
 */
export const DISTRICTS: readonly { stem: string; province: string; city?: string }[] = [
  ...districtsOf("北京市", "东城 西城 朝阳 丰台 石景山 海淀 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆"),
  ...districtsOf("天津市", "和平 河东 河西 南开 河北 红桥 东丽 西青 津南 北辰 武清 宝坻 滨海新 宁河 静海 蓟州"),
  ...districtsOf("上海市", "黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东新 金山 松江 青浦 奉贤 崇明"),
  ...districtsOf(
    "重庆市",
    "万州 涪陵 渝中 大渡口 江北 沙坪坝 九龙坡 南岸 北碚 綦江 大足 渝北 巴南 黔江 长寿 江津 合川 永川 南川 璧山 铜梁 潼南 荣昌 开州 梁平 武隆",
  ),
  { stem: "海拉尔", province: "内蒙古自治区", city: "呼伦贝尔市" },
  { stem: "雄安新", province: "河北省" },
];

function districtsOf(province: string, stems: string): { stem: string; province: string }[] {
  return stems.split(" ").map((stem) => ({ stem, province }));
}

export function regionLabel(code: string): string {
  const r = MEGA_REGIONS.find((m) => m.code === code);
  return r ? `${r.zh} ${r.en}` : code;
}
