import type { Command } from "commander";
import { Argument } from "commander";
import { compareWords, editStopWords, listStopWords, parseCompareSpec, parseFilterSpec, wordFrequencies, type CompareSide } from "../analysis";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";
import { ANALYSIS_CLI_MESSAGES } from "./analysis-messages";
import { WORDS_CLI_MESSAGES } from "./words-messages";

type WordFlags = { project: string; filter?: string; code?: string; coder?: string; consensus?: boolean; query?: string; compare?: string; top: string; minLength: string; json?: boolean };

const int = (flag: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AppError("invalid_input", { en: `${flag} must be a whole number, not "${v}"`, zh: `${flag} 须为整数，而非"${v}"` });
  return n;
};

export function registerWordCommands(program: Command, locale: Locale) {
  const m = CLI_MESSAGES[locale];
  const w = WORDS_CLI_MESSAGES[locale];
  program
    .command("words")
    .description(w.words.description)
    .requiredOption("--project <name>", m.project)
    .option("--filter <spec>", "region=BTH,type=plan")
    .option("--code <code>", w.words.code)
    .option("--coder <names>", "alice,bob")
    .option("--consensus", ANALYSIS_CLI_MESSAGES[locale].consensus)
    .option("--query <q>", w.words.query)
    .option("--compare <a:b>", w.words.compare)
    .option("--top <n>", w.words.top, "50")
    .option("--min-length <n>", w.words.minLength, "2")
    .option("--json", m.json)
    .action(async (o: WordFlags) => {
      const filters = parseFilterSpec(o.filter);
      const top = int("--top", o.top);
      const minLength = int("--min-length", o.minLength);
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const scope = { projectId: project.id, filters, codes: o.code, coders: o.coder?.split(",").map((s) => s.trim()), consensus: !!o.consensus, query: o.query, top, minLength };
      if (o.compare) {
        const c = parseCompareSpec(o.compare);
        const table = await compareWords(db, { ...scope, a: c.a as Exclude<CompareSide, "rest">, b: c.b, labels: c.labels });
        emit(!!o.json, table, () =>
          [
            w.words.compareHeader(table.a.label, table.a.tokens, table.b.label, table.b.tokens, table.threshold),
            ...table.words.map((r) => w.words.compareLine(r.word, r.countA, r.countB, r.logLikelihood.toFixed(3), r.logRatio.toFixed(3), r.significant)),
          ].join("\n"),
        );
        return;
      }
      const table = await wordFrequencies(db, scope);
      emit(!!o.json, table, () =>
        [w.words.header(table.tokens, table.types, table.units, table.documents), ...table.words.map((r) => w.words.line(r.word, r.count, r.per10k.toFixed(1), r.documents))].join("\n"),
      );
    });

  program
    .command("stopwords")
    .description(w.stopwords.description)
    .addArgument(new Argument("<action>", w.stopwords.action).choices(["list", "add", "remove"]))
    .argument("[words...]", w.stopwords.words)
    .requiredOption("--project <name>", m.project)
    .option("--json", m.json)
    .action(async (action: "list" | "add" | "remove", words: string[], o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const list =
        action === "list" ? await listStopWords(db, project.id) : await editStopWords(db, project.id, action === "add" ? { add: words } : { remove: words });
      emit(!!o.json, list, () => w.stopwords.summary(list.words.length, list.added.join(" "), list.removed.join(" ")));
    });
}
