import { Command, CommanderError } from "commander";
import { getDb } from "../db/client";
import { cliLocale } from "../i18n/cli-locale";
import type { Locale } from "../i18n/locale";
import { registerAgreementCommands } from "./agreement-commands";
import { registerAccountCommands } from "./account-commands";
import { registerAnalysisCommands, registerVariableCommands } from "./analysis-commands";
import { registerWordCommands } from "./words-commands";
import { registerCodingCommands } from "./coding-commands";
import { localizeCommander } from "./commander-locale";
import { registerCorpusCommands } from "./corpus-commands";
import { registerPeriodCommands } from "./period-commands";
import { registerExchangeCommands } from "./exchange-commands";
import { registerRoundCommands } from "./round-commands";
import { registerAuditCommands } from "./audit-commands";
import { CLI_MESSAGES } from "./messages";
import { fail } from "./output";

/** The program with its help and output in one language (chosen before commander parses). */
export function buildProgram(locale: Locale): Command {
  const m = CLI_MESSAGES[locale];
  const program = localizeCommander(new Command("juncture"), locale, m)
    .description(m.program)
    .option("--lang <lang>", m.lang)
    .exitOverride();
  registerCorpusCommands(program, locale);
  registerCodingCommands(program, locale);
  registerPeriodCommands(program, locale);
  registerAgreementCommands(program, locale);
  registerAccountCommands(program, locale);
  registerRoundCommands(program, locale);
  registerAuditCommands(program, locale);
  registerAnalysisCommands(program, locale);
  registerVariableCommands(program, locale);
  registerWordCommands(program, locale);
  registerExchangeCommands(program, locale);
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const locale = cliLocale(argv);
  const program = buildProgram(locale);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return fail(e, locale);
  } finally {
    await getDb().$disconnect().catch(() => undefined);
  }
}
