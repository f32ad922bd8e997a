import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, userMessage } from "@/lib/errors";
import { cliLocale } from "@/lib/i18n/cli-locale";
import { localeFromAcceptLanguage, requestLocale } from "@/lib/i18n/locale";
import { issuesText, localizeText } from "@/lib/i18n/text";
import { createProjectSchema } from "@/lib/corpus/projects";
import { parseSearchQuery } from "@/lib/search/parse-search-query";

describe("choosing the language", () => {
  it("takes the first language the app speaks from Accept-Language, by quality", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-TW;q=0.5")).toBe("zh");
    expect(localeFromAcceptLanguage("en;q=0.4,zh;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("de-DE")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("prefers the remembered choice over the browser's languages", () => {
    expect(requestLocale({ cookie: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(requestLocale({ cookie: "fr", acceptLanguage: "zh-CN" })).toBe("zh");
  });

  it("gives the CLI --lang first, then LC_ALL / LC_MESSAGES / LANG, then English", () => {
    expect(cliLocale(["node", "juncture", "--lang", "zh", "projects"], { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(cliLocale(["node", "juncture", "projects", "--lang=en"], { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLocale(["node", "juncture"], { LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(cliLocale(["node", "juncture"], { LC_ALL: "", LANG: "zh_TW.UTF-8" })).toBe("zh");
    expect(cliLocale(["node", "juncture"], { LANG: "C.UTF-8" })).toBe("en");
    expect(cliLocale(["node", "juncture"], {})).toBe("en");
  });
});

describe("bilingual messages", () => {
  it("keeps an AppError's reason per language and the combined text as its message", () => {
    const e = new AppError("conflict", { en: "a project named “x” already exists", zh: "已存在同名项目" });
    expect(e.text.en).toBe("a project named “x” already exists");
    expect(userMessage(e, "zh")).toBe("已存在同名项目");
    expect(e.message).toBe("a project named “x” already exists / 已存在同名项目");
    expect(userMessage(new Error("SQLITE_BUSY"), "en")).toBe("Unexpected internal error");
  });

  it("localizes zod custom messages and lists issues per language", () => {
    const r = createProjectSchema.safeParse({ name: " " });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues;
    expect(issuesText(issues)).toEqual({ en: "name: project name is required", zh: "name: 项目名称不能为空" });
    // zod's own messages (no custom text) pass through unchanged.
    const plain = z.string().safeParse(1);
    const m = plain.success ? "" : (plain.error.issues[0]?.message ?? "");
    expect(localizeText(m, "zh")).toBe(m);
  });

  it("reports a query syntax error in each language", () => {
    try {
      parseSearchQuery('"城际');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).text).toEqual({
        en: "unclosed quote: the \" at position 1 has no closing quote",
        zh: "第 1 个字符处的引号没有闭合",
      });
    }
  });
});
