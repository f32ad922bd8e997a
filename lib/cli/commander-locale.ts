import { Help, type Command, type Option } from "commander";
import type { Locale } from "../i18n/locale";
import type { CliMessages } from "./messages";

/**
 * Commander writes its own words: help headings, "(choices: …)", "(default: …)", and
 * parse errors. Configured on the program before any command is added, so every
 * subcommand inherits it (commander copies these settings at `.command()`).
 */
export function localizeCommander(program: Command, locale: Locale, m: CliMessages): Command {
  const base = new Help();
  return program
    .helpOption("-h, --help", m.help)
    .helpCommand("help [command]", m.helpCommand)
    .showHelpAfterError(m.helpAfterError)
    .configureHelp({
      styleTitle: (title: string) => m.titles[title] ?? title,
      optionDescription: (option: Option) => {
        // As commander: a default is shown for options that take a value.
        const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
        const extra = m.optionExtra({
          choices: option.argChoices,
          default: showDefault ? (option.defaultValueDescription ?? String(option.defaultValue)) : undefined,
        });
        if (extra === "") return base.optionDescription(option);
        if (locale === "zh") return `${option.description}（${extra}）`;
        return [option.description, `(${extra})`].filter(Boolean).join(" ");
      },
    })
    .configureOutput({ outputError: (message, write) => write(locale === "zh" ? commanderErrorZh(message) : message) });
}

/** Commander's parse errors (commander 14 wording) in Chinese; anything unknown stays as it is. */
const ZH_ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: required option '(.+)' not specified$/, (o) => `错误：缺少必需的选项 ${o}`],
  [/^error: missing required argument '(.+)'$/, (a) => `错误：缺少必需的参数 ${a}`],
  [/^error: option '(.+)' argument missing$/, (o) => `错误：选项 ${o} 缺少取值`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, (o, v, c) => `错误：选项 ${o} 的取值“${v}”无效，可选值：${c}`],
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (o, s) => `错误：未知选项 ${o}${s ? `\n（是否想用 ${s}？）` : ""}`],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (c, s) => `错误：未知命令 ${c}${s ? `\n（是否想用 ${s}？）` : ""}`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (_c, e, g) => `错误：参数过多，应为 ${e} 个，实际 ${g} 个`],
];

export function commanderErrorZh(message: string): string {
  const line = message.replace(/\n$/, "");
  for (const [pattern, text] of ZH_ERRORS) {
    const match = pattern.exec(line);
    if (match) return `${text(...match.slice(1).map((g) => g ?? ""))}\n`;
  }
  return message;
}
