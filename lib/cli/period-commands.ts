import fs from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Bilingual, Locale } from "../i18n/locale";
import {
  addEvidence,
  copyPeriods,
  createJuncture,
  exportPeriods,
  formatPeriodDate,
  formatSpan,
  getTimeline,
  importPeriods,
  JUNCTURE_TYPES,
  listPeriods,
  parsePeriodDate,
  parsePeriodsText,
  periodsToCsv,
  periodsToMarkdown,
  suggestJunctures,
  type Normalisation,
  type Scope,
} from "../periods";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";
import { PERIOD_MESSAGES, type PeriodMessages } from "./period-messages";

const both = (pick: (m: PeriodMessages) => string): Bilingual => ({ en: pick(PERIOD_MESSAGES.en), zh: pick(PERIOD_MESSAGES.zh) });
const actor = () => process.env.JUNCTURE_CODER || process.env.USER || "researcher";
const list = (v?: string) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

function scopeFrom(text: string): Scope {
  const i = text.indexOf("=");
  if (i <= 0 || i === text.length - 1) throw new AppError("invalid_input", both((m) => m.periods.badScope(text)));
  return { field: text.slice(0, i).trim() as Scope["field"], value: text.slice(i + 1).trim() };
}

function scopeOption(o: { region?: string; scope?: string }, required: true): Scope;
function scopeOption(o: { region?: string; scope?: string }, required: false): Scope | undefined;
function scopeOption(o: { region?: string; scope?: string }, required: boolean): Scope | undefined {
  if (o.scope) return scopeFrom(o.scope);
  if (o.region) return { field: "region", value: o.region };
  if (required) throw new AppError("invalid_input", both((m) => m.periods.needScope));
  return undefined;
}

const name = (locale: Locale, zh: string, en: string) => (locale === "zh" ? zh || en : en || zh);

export function registerPeriodCommands(program: Command, locale: Locale) {
  const m = PERIOD_MESSAGES[locale];
  const c = CLI_MESSAGES[locale];
  const periods = program.command("periods").description(m.periods.description);

  periods
    .command("list", { isDefault: true })
    .description(m.periods.list)
    .requiredOption("--project <name>", c.project)
    .option("--region <code>", m.periods.region)
    .option("--scope <field=value>", m.periods.scope)
    .option("--json", c.json)
    .action(async (o: { project: string; region?: string; scope?: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const scope = scopeOption(o, false);
      const found = await listPeriods(db, project.id, scope ? { field: scope.field, value: scope.value } : {});
      const out = found.map((s) => ({
        ...s,
        junctures: s.junctures.map((j) => ({ ...j, evidenceCount: j.evidence.length })),
      }));
      emit(!!o.json, out, () =>
        found.length === 0
          ? m.periods.none
          : found
              .map((s) =>
                [
                  `${s.scope.field}=${s.scope.value}`,
                  ...s.stages.map((st) => m.periods.stage(formatSpan(st.start, st.end), name(locale, st.nameZh, st.nameEn), st.strategies.length)),
                  ...s.junctures.map((j) => m.periods.juncture(formatPeriodDate(j.date), name(locale, j.titleZh, j.titleEn), j.type, j.evidence.length)),
                ].join("\n"),
              )
              .join("\n\n"),
      );
    });

  periods
    .command("import")
    .description(m.periods.importDescription)
    .requiredOption("--project <name>", c.project)
    .requiredOption("--file <path>", m.periods.file)
    .option("--replace", m.periods.replace)
    .option("--json", c.json)
    .action(async (o: { project: string; file: string; replace?: boolean; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const file = parsePeriodsText(fs.readFileSync(o.file, "utf8"));
      const r = await importPeriods(db, { projectId: project.id, file, replace: !!o.replace, actor: actor() });
      emit(!!o.json, r, () => m.periods.imported(r.groupings, r.stages, r.junctures));
    });

  periods
    .command("export")
    .description(m.periods.exportDescription)
    .requiredOption("--project <name>", c.project)
    .option("--region <code>", m.periods.region)
    .option("--scope <field=value>", m.periods.scope)
    .addOption(new Option("--format <format>", m.periods.format).choices(["json", "csv", "md"]).default("json"))
    .action(async (o: { project: string; region?: string; scope?: string; format: "json" | "csv" | "md" }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const scope = scopeOption(o, false);
      const filter = scope ? { field: scope.field, value: scope.value } : {};
      if (o.format === "md") {
        process.stdout.write(periodsToMarkdown(await listPeriods(db, project.id, filter), locale));
        return;
      }
      const file = await exportPeriods(db, project.id, filter);
      process.stdout.write(o.format === "csv" ? periodsToCsv(file) : JSON.stringify(file, null, 2) + "\n");
    });

  periods
    .command("copy")
    .description(m.periods.copyDescription)
    .requiredOption("--project <name>", c.project)
    .requiredOption("--from <field=value>", m.periods.from)
    .requiredOption("--to <field=value>", m.periods.to)
    .option("--json", c.json)
    .action(async (o: { project: string; from: string; to: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const r = await copyPeriods(db, { projectId: project.id, from: scopeFrom(o.from), to: scopeFrom(o.to), actor: actor() });
      emit(!!o.json, r, () => m.periods.copied(`${r.scope.field}=${r.scope.value}`, r.stages.length, r.junctures.length));
    });

  program
    .command("timeline")
    .description(m.timeline.description)
    .requiredOption("--project <name>", c.project)
    .option("--region <code>", m.periods.region)
    .option("--scope <field=value>", m.periods.scope)
    .option("--codes <shortNames>", m.timeline.codes)
    .addOption(new Option("--per <unit>", m.timeline.per).choices(["chars", "documents", "none"]).default("chars"))
    .option("--json", c.json)
    .action(async (o: { project: string; region?: string; scope?: string; codes?: string; per: Normalisation; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const t = await getTimeline(db, { projectId: project.id, scope: scopeOption(o, true), codes: list(o.codes), per: o.per });
      emit(!!o.json, t, () => {
        if (t.years.length === 0) return m.timeline.empty;
        const head = m.timeline.header(t.codes.map((c) => c.shortName).join("  "));
        const fmt = (v: number) => (o.per === "none" ? String(v) : v.toFixed(2));
        return [head, ...t.years.map((y) => `${y.year}  ${y.documents}  ${y.chars}  ${y.values.map(fmt).join("  ")}`)].join("\n");
      });
    });

  const junctures = program.command("junctures").description(m.junctures.description);
  junctures
    .command("suggest")
    .description(m.junctures.suggest)
    .requiredOption("--project <name>", c.project)
    .option("--region <code>", m.periods.region)
    .option("--scope <field=value>", m.periods.scope)
    .option("--codes <shortNames>", m.timeline.codes)
    .option("--penalty <x>", m.junctures.penalty)
    .option("--min-segment <n>", m.junctures.minSegment)
    .option("--json", c.json)
    .action(async (o: { project: string; region?: string; scope?: string; codes?: string; penalty?: string; minSegment?: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const r = await suggestJunctures(db, {
        projectId: project.id,
        scope: scopeOption(o, true),
        codes: list(o.codes),
        penalty: o.penalty === undefined ? undefined : Number(o.penalty),
        minSegment: o.minSegment === undefined ? undefined : Number(o.minSegment),
      });
      emit(!!o.json, r, () =>
        r.suggestions.length === 0
          ? m.junctures.none
          : r.suggestions
              .map((s) => m.junctures.suggestion(s.year, s.moved.slice(0, 3).map((x) => `${x.code.shortName} ${(x.before * 100).toFixed(0)}% → ${(x.after * 100).toFixed(0)}%`).join(", ")))
              .join("\n"),
      );
    });

  junctures
    .command("add")
    .description(m.junctures.add)
    .requiredOption("--project <name>", c.project)
    .option("--region <code>", m.periods.region)
    .option("--scope <field=value>", m.periods.scope)
    .requiredOption("--date <date>", m.junctures.date)
    .requiredOption("--title <text>", m.junctures.title)
    .option("--title-en <text>", m.junctures.titleEn)
    .addOption(new Option("--type <type>", m.junctures.type).choices([...JUNCTURE_TYPES]).default("other"))
    .option("--description <text>", m.junctures.descriptionOption)
    .option("--coder <name>", m.actor)
    .option("--evidence <refs>", m.junctures.evidence)
    .option("--json", c.json)
    .action(
      async (o: { project: string; region?: string; scope?: string; date: string; title: string; titleEn?: string; type: string; description?: string; evidence?: string; coder?: string; json?: boolean }) => {
        const db = await openDb();
        const project = await getProjectByName(db, o.project);
        const date = parsePeriodDate(o.date) ?? { year: Number.NaN };
        const refs = (list(o.evidence) ?? []).map((r) => {
          const [kind, id] = r.split(":");
          if (!kind || !id || !["coding", "document", "memo"].includes(kind)) throw new AppError("invalid_input", both((mm) => mm.junctures.badEvidence(r)));
          return { kind: kind as "coding" | "document" | "memo", targetId: id };
        });
        const who = o.coder ?? actor();
        let j = await createJuncture(db, {
          projectId: project.id,
          scope: scopeOption(o, true),
          juncture: { date, titleZh: o.title, titleEn: o.titleEn ?? "", type: o.type as (typeof JUNCTURE_TYPES)[number], description: o.description ?? "" },
          actor: who,
        });
        for (const e of refs) j = await addEvidence(db, { junctureId: j.id, evidence: e, actor: who });
        emit(!!o.json, j, () => m.junctures.added(formatPeriodDate(j.date), o.title, j.id));
      },
    );
}
