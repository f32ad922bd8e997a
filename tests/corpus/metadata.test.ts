import { describe, expect, it } from "vitest";
import { inferMetadataFromFilename } from "../../lib/corpus/metadata";
import { PROVINCES } from "../../lib/corpus/reference";
import { titleFromName } from "../../lib/text/title";

/** The 31 provincial-level units of the mainland (Hong Kong, Macao and Taiwan aside). */
const MAINLAND = PROVINCES.filter((p) => !["香港特别行政区", "澳门特别行政区", "台湾省"].includes(p.name));

/** The file-name patterns the shared corpus and researchers' folders use. */
const patterns = (place: string) => [`2025年${place}政府工作报告.docx`, `${place}_2025_report.txt`, `2025_${place}_政府工作报告.txt`];

const placeOf = (fileName: string) => {
  const m = inferMetadataFromFilename(fileName);
  return { level: m.level, province: m.province, city: m.city, region: m.region, year: m.year };
};

describe("metadata inferred from file names", () => {
  it("covers the 31 mainland provincial-level units", () => {
    expect(MAINLAND).toHaveLength(31);
  });

  it.each(MAINLAND.map((p) => [p.name, p] as const))(
    "reads %s as provincial in every pattern, by full and short name",
    (_name, p) => {
      for (const fileName of [...patterns(p.name), ...patterns(p.short)]) {
        expect([fileName, placeOf(fileName)]).toEqual([
          fileName,
          { level: "provincial", province: p.name, city: undefined, region: p.region, year: 2025 },
        ]);
      }
    },
  );

  it("treats the four municipalities as provinces, with no city and no year in the name", () => {
    for (const [name, region] of [["北京市", "BTH"], ["天津市", "BTH"], ["上海市", "YRD"], ["重庆市", "CC"]] as const) {
      const m = inferMetadataFromFilename(`2025年${name}政府工作报告.docx`);
      expect(m).toEqual({
        title: `2025年${name}政府工作报告`,
        year: 2025,
        docType: "work-report",
        level: "provincial",
        province: name,
        region,
        issuer: `${name}人民政府`,
      });
    }
  });

  it.each([
    ["保定市", "河北省", "BTH"],
    ["石家庄市", "河北省", "BTH"],
    ["苏州市", "江苏省", "YRD"],
    ["成都市", "四川省", "CC"],
    ["吉林市", "吉林省", "HC"],
    ["朝阳市", "辽宁省", "SCLN"],
    ["呼伦贝尔市", "内蒙古自治区", "HBOY"],
    ["海口市", "海南省", "BBG"],
    ["乌鲁木齐市", "新疆维吾尔自治区", "TSNS"],
  ])("reads the prefecture-level city %s in every pattern", (city, province, region) => {
    for (const fileName of patterns(city)) {
      expect([fileName, placeOf(fileName)]).toEqual([fileName, { level: "city", province, city, region, year: 2025 }]);
    }
  });

  it.each([
    ["海淀区", "北京市", "海淀区", "BTH"],
    ["朝阳区", "北京市", "朝阳区", "BTH"],
    ["河北区", "天津市", "河北区", "BTH"],
    ["浦东新区", "上海市", "浦东新区", "YRD"],
    ["渝中区", "重庆市", "渝中区", "CC"],
    ["雄安新区", "河北省", "雄安新区", "BTH"],
    ["海拉尔区", "内蒙古自治区", "呼伦贝尔市", "HBOY"],
  ])("reads the district %s in every pattern", (district, province, city, region) => {
    for (const fileName of patterns(district)) {
      expect([fileName, placeOf(fileName)]).toEqual([fileName, { level: "city", province, city, region, year: 2025 }]);
    }
  });

  it("names a municipality's district with its municipality as issuer", () => {
    expect(inferMetadataFromFilename("2024年海淀区政府工作报告.txt").issuer).toBe("北京市海淀区人民政府");
  });

  it("reads a province followed by its city, and a city it does not know by its 市/县 suffix", () => {
    expect(placeOf("河北省保定市2018年政府工作报告.txt")).toEqual({
      level: "city", province: "河北省", city: "保定市", region: "BTH", year: 2018,
    });
    expect(placeOf("2018年义乌市政府工作报告.txt")).toEqual({
      level: "city", province: undefined, city: "义乌市", region: undefined, year: 2018,
    });
    expect(placeOf("高阳县_2019_report.txt")).toEqual({
      level: "city", province: undefined, city: "高阳县", region: undefined, year: 2019,
    });
  });

  it("finds no place in words that merely contain 市, and none in a bare year", () => {
    expect(inferMetadataFromFilename("城市更新规划纲要.txt")).toEqual({ title: "城市更新规划纲要", docType: "plan" });
    expect(inferMetadataFromFilename("2015.txt")).toEqual({ title: "2015", year: 2015 });
    expect(inferMetadataFromFilename("2018政府工作报告.txt")).toEqual({
      title: "2018政府工作报告",
      year: 2018,
      docType: "work-report",
    });
  });

  it("reads the State Council's reports as national", () => {
    expect(inferMetadataFromFilename("国务院政府工作报告_1983.txt")).toEqual({
      title: "国务院政府工作报告 1983",
      year: 1983,
      docType: "work-report",
      level: "national",
      region: "other",
      issuer: "国务院",
    });
  });
});

describe("titleFromName (file names and HTML <title>s)", () => {
  it("joins parts with spaces and drops a trailing site name", () => {
    expect(titleFromName("2026_上海市_政府工作报告")).toBe("2026 上海市 政府工作报告");
    expect(titleFromName("保定市__2009_report")).toBe("保定市 2009 report");
    expect(titleFromName("关于印发规划的通知_政策文件_某某市人民政府")).toBe("关于印发规划的通知");
    expect(titleFromName("工作报告 | 某某区政府网")).toBe("工作报告");
    expect(titleFromName("某某市人民政府")).toBe("某某市人民政府");
  });

  it("gives a TXT file the same title as the page it was saved from", () => {
    expect(inferMetadataFromFilename("2026_上海市_政府工作报告.txt").title).toBe("2026 上海市 政府工作报告");
  });
});
