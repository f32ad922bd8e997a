import type { Command } from "commander";
import { Option } from "commander";
import fs from "node:fs";
import {
  applyVariableTemplate,
  codeFrequencies,
  defineVariable,
  importVariableCsv,
  listVariables,
  setVariableValues,
  VARIABLE_KINDS,
  cooccurrence,
  findPassages,
  mismatchMatrix,
  parseFilterSpec,
  type AnalysisScopeInput,
  type CooccurrenceMode,
} from "../analysis";
import { findUsersByNames } from "../db/analysis";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { ANALYSIS_CLI_MESSAGES, type AnalysisCliMessages } from "./analysis-messages";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

type ScopeFlags = { project: string; filter?: string; codes?: string; coder?: string; consensus?: boolean; json?: boolean };

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);
const fixed = (v: number | null, digits: number) => (v === null ? "–" : v.toFixed(digits));

async function scopeOf(o: ScopeFlags): Promise<{ db: Awaited<ReturnType<typeof openDb>>; scope: AnalysisScopeInput }> {
  const filters = parseFilterSpec(o.filter);
  const db = await openDb();
  const project = await getProjectByName(db, o.project);
  const coders = o.coder ? o.coder.split(",").map((s) => s.trim()) : undefined;
  return { db, scope: { projectId: project.id, filters, coders, codes: o.codes, consensus: !!o.consensus } };
}

function scopeOptions(cmd: Command, locale: Locale): Command {
  const m = CLI_MESSAGES[locale];
  const a = ANALYSIS_CLI_MESSAGES[locale];
  return cmd
    .requiredOption("--project <name>", m.project)
    .option("--filter <spec>", a.filter)
    .option("--codes <group-or-code>", a.codes)
    .option("--coder <names>", a.coder)
    .option("--consensus", a.consensus)
    .option("--json", m.json);
}

export function registerAnalysisCommands(program: Command, locale: Locale) {
  const a = ANALYSIS_CLI_MESSAGES[locale];
  const both = (pick: (m: AnalysisCliMessages) => string) => ({ en: pick(ANALYSIS_CLI_MESSAGES.en), zh: pick(ANALYSIS_CLI_MESSAGES.zh) });

  scopeOptions(program.command("stats").description(a.stats.description), locale)
    .option("--by <what>", a.stats.by, "code")
    .action(async (o: ScopeFlags & { by: string }) => {
      const { db, scope } = await scopeOf(o);
      const table = await codeFrequencies(db, { ...scope, by: o.by });
      emit(!!o.json, table, () => {
        if (table.codes.length === 0) return a.stats.empty;
        const lines =
          o.by === "code"
            ? table.codes.map((c) =>
                a.stats.line(
                  `${"  ".repeat(c.depth)}${c.shortName}`,
                  c.total.codings,
                  c.total.units,
                  pct(c.total.shareOfParent),
                  pct(c.total.shareOfAll),
                  fixed(c.total.per10k, 1),
                ),
              )
            : [
                a.stats.header(table.groups.map((g) => `\t${g.label || (o.by === "stage" ? a.stats.outsideStages : "–")}`).join("")),
                ...table.codes.map(
                  (c) =>
                    `${"  ".repeat(c.depth)}${c.shortName}\t${c.total.codings}\t${c.total.units}` +
                    table.groups.map((g) => `\t${c.cells[g.key]!.codings} (${c.cells[g.key]!.units})`).join(""),
                ),
              ];
        return [...lines, a.stats.total(table.total.codings, table.total.codedUnits, table.total.documents, table.total.chars)].join("\n");
      });
    });

  scopeOptions(program.command("cooccurrence").description(a.cooccurrence.description), locale)
    .addOption(new Option("--mode <mode>", a.cooccurrence.mode).choices(["unit", "overlap"]).default("unit"))
    .action(async (o: ScopeFlags & { mode: CooccurrenceMode }) => {
      const { db, scope } = await scopeOf(o);
      const table = await cooccurrence(db, { ...scope, mode: o.mode });
      emit(!!o.json, table, () =>
        table.pairs.length === 0
          ? a.cooccurrence.none
          : table.pairs.map((p) => a.cooccurrence.line(p.aShortName, p.bShortName, p.n12, p.n1, p.n2, p.c.toFixed(3))).join("\n"),
      );
    });

  program
    .command("matrix")
    .description(a.matrix.description)
    .requiredOption("--project <name>", CLI_MESSAGES[locale].project)
    .requiredOption("--rows <codes>", a.matrix.rows)
    .requiredOption("--cols <codes>", a.matrix.cols)
    .option("--within <code>", a.matrix.within)
    .option("--filter <spec>", a.filter)
    .option("--coder <names>", a.coder)
    .option("--consensus", a.consensus)
    .option("--json", CLI_MESSAGES[locale].json)
    .action(async (o: Omit<ScopeFlags, "codes"> & { rows: string; cols: string; within?: string }) => {
      const { db, scope } = await scopeOf(o);
      const split = (v: string) => v.split(",").map((x) => x.trim()).filter((x) => x !== "");
      const m = await mismatchMatrix(db, { projectId: scope.projectId, filters: scope.filters, coders: scope.coders, consensus: scope.consensus, rows: split(o.rows), cols: split(o.cols), within: o.within });
      emit(!!o.json, m, () => {
        const head = ["", ...m.cols.map((c) => c.shortName)].join("\t");
        const lines = m.rows.map((r, i) => [r.shortName, ...m.cells[i]!.map((c) => `${c.units}/${c.codings}`)].join("\t"));
        const findings = m.cells.flatMap((row, i) =>
          row.flatMap((c, j) => (c.finding ? [a.matrix.finding(m.rows[i]!.shortName, m.cols[j]!.shortName, c.finding.body)] : [])),
        );
        return [a.matrix.header(m.within?.shortName ?? null), head, ...lines, a.matrix.total(m.total.units, m.total.codings), ...findings].join("\n");
      });
    });

  scopeOptions(program.command("passages").description(a.passages.description), locale)
    .requiredOption("--code <shortName>", a.passages.code)
    .option("--group-by <field>", a.passages.groupBy)
    .option("--group <value>", a.passages.group)
    .option("--with <shortName>", a.passages.with)
    .addOption(new Option("--mode <mode>", a.passages.mode).choices(["unit", "overlap"]).default("unit"))
    .option("--no-roll-up", a.passages.noRollUp)
    .option("--limit <n>", a.passages.limit)
    .action(
      async (
        o: ScopeFlags & { code: string; groupBy?: string; group?: string; with?: string; mode: CooccurrenceMode; rollUp: boolean; limit?: string },
      ) => {
        if (o.group !== undefined && !o.groupBy) throw new AppError("invalid_input", both((m) => m.errors.groupWithoutBy));
        const limit = o.limit === undefined ? undefined : Number(o.limit);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
          throw new AppError("invalid_input", both((m) => m.errors.integer("--limit", String(o.limit))));
        }
        const { db, scope } = await scopeOf(o);
        let key = o.group ?? "";
        // A coder group is addressed by name on the command line, by id in the data.
        if (o.groupBy === "coder") key = (await findUsersByNames(db, [key]))[0]?.id ?? "\u0000none";
        const list = await findPassages(db, {
          ...scope,
          code: o.code,
          rollUp: o.with ? false : o.rollUp,
          group: o.groupBy ? { by: o.groupBy, key } : undefined,
          cooccurrence: o.with ? { mode: o.mode, with: o.with } : undefined,
          limit,
        });
        emit(!!o.json, list, () =>
          [
            a.passages.header(list.total, list.units),
            ...list.passages.flatMap((p) => [
              a.passages.line(p.title, p.year === null ? a.passages.unknownYear : String(p.year), p.region, p.coder, p.shortName, p.start, p.end),
              `  …${p.before}【${p.quote}】${p.after}…`,
            ]),
          ].join("\n"),
        );
      },
    );
}

export function registerVariableCommands(program: Command, locale: Locale) {
  const m = CLI_MESSAGES[locale];
  const a = ANALYSIS_CLI_MESSAGES[locale];
  const both = (pick: (m: AnalysisCliMessages) => string) => ({ en: pick(ANALYSIS_CLI_MESSAGES.en), zh: pick(ANALYSIS_CLI_MESSAGES.zh) });
  const label = (v: { labelZh: string; labelEn: string }) => (locale === "zh" ? v.labelZh || v.labelEn : v.labelEn || v.labelZh);
  const variables = program.command("variables").description(a.variables.description);

  variables
    .command("list")
    .description(a.variables.list)
    .requiredOption("--project <name>", m.project)
    .option("--json", m.json)
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const list = await listVariables(db, project.id);
      emit(!!o.json, list, () => (list.length === 0 ? a.variables.none : list.map((v) => a.variables.line(v.name, v.kind, label(v), v.categories.join(", "))).join("\n")));
    });

  variables
    .command("define")
    .description(a.variables.define)
    .requiredOption("--project <name>", m.project)
    .requiredOption("--name <name>", a.variables.name)
    .addOption(new Option("--kind <kind>", a.variables.kind).choices(VARIABLE_KINDS).makeOptionMandatory())
    .option("--categories <list>", a.variables.categories)
    .option("--label-zh <text>", a.variables.labelZh)
    .option("--label-en <text>", a.variables.labelEn)
    .option("--json", m.json)
    .action(async (o: { project: string; name: string; kind: (typeof VARIABLE_KINDS)[number]; categories?: string; labelZh?: string; labelEn?: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const v = await defineVariable(db, {
        projectId: project.id,
        name: o.name,
        kind: o.kind,
        categories: o.categories ? o.categories.split(",").map((s) => s.trim()) : [],
        labelZh: o.labelZh,
        labelEn: o.labelEn,
      });
      emit(!!o.json, v, () => a.variables.defined(v.name));
    });

  variables
    .command("template")
    .description(a.variables.template)
    .requiredOption("--project <name>", m.project)
    .option("--json", m.json)
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const list = await applyVariableTemplate(db, project.id);
      emit(!!o.json, list, () => list.map((v) => a.variables.line(v.name, v.kind, label(v), v.categories.join(", "))).join("\n"));
    });

  variables
    .command("set")
    .description(a.variables.set)
    .requiredOption("--project <name>", m.project)
    .option("--file <values.csv>", a.variables.file)
    .option("--variable <name>", a.variables.variable)
    .option("--value <value>", a.variables.value)
    .option("--document <id...>", a.variables.document)
    .option("--json", m.json)
    .action(async (o: { project: string; file?: string; variable?: string; value?: string; document?: string[]; json?: boolean }) => {
      if (!o.file && !(o.variable && o.document?.length)) throw new AppError("invalid_input", both((x) => x.variables.needFileOrVariable));
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      if (o.file) {
        const r = await importVariableCsv(db, { projectId: project.id, csv: fs.readFileSync(o.file, "utf8") });
        emit(!!o.json, r, () => [a.variables.imported(r.documents, r.values), ...r.unmatched.map((k) => a.variables.unmatched(k))].join("\n"));
        return;
      }
      const r = await setVariableValues(db, {
        projectId: project.id,
        name: o.variable!,
        values: o.document!.map((documentId) => ({ documentId, value: o.value ?? null })),
      });
      emit(!!o.json, r, () => a.variables.updated(r.updated));
    });
}
