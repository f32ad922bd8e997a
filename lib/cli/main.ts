import { Command, CommanderError } from "commander";
import { getDb } from "../db/client";
import { registerCodingCommands } from "./coding-commands";
import { registerCorpusCommands } from "./corpus-commands";

import { fail } from "./output";

export function buildProgram(): Command {
  const program = new Command("juncture")
    .description("Juncture — qualitative coding of Chinese policy texts / 中文政策文本质性编码工作台")
    .option("--lang <lang>", "language of messages: zh or en (default: LC_ALL / LANG, else en) / 提示语言")
    .showHelpAfterError()
    .exitOverride();
  registerCorpusCommands(program);
  registerCodingCommands(program);

  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return fail(e);
  } finally {
    await getDb().$disconnect().catch(() => undefined);
  }
}
