import type { Command } from "commander";
import { Option } from "commander";
import { findCodeByShortName, getCodebook, type CodeNode } from "../codebook";
import { createCoding } from "../coding";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { openDb } from "./db";
import { both, CLI_MESSAGES, type CliMessages } from "./messages";
import { emit } from "./output";

function defaultCoder(): string {
  return process.env.JUNCTURE_CODER || process.env.USER || "researcher";
}

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError("invalid_input", both((m) => m.errors.integer(flag, value)));
  return n;
}

async function codeByShortName(db: Awaited<ReturnType<typeof openDb>>, projectId: string, shortName: string) {
  const code = await findCodeByShortName(db, projectId, shortName);
  if (!code) throw new AppError("not_found", both((m) => m.errors.noCode(shortName)));
  return code;
}

/** A code's label in the chosen language, the other one when that is empty. */
function label(n: CodeNode, locale: Locale): string {
  return locale === "zh" ? n.labelZh || n.labelEn : n.labelEn || n.labelZh;
}

function treeLines(nodes: CodeNode[], locale: Locale, m: CliMessages, depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${"  ".repeat(depth)}${n.shortName}  ${label(n, locale)}  ${m.codebook.counts(n.codingCount, n.totalCodingCount)}`,
    ...treeLines(n.children, locale, m, depth + 1),
  ]);
}

export function registerCodingCommands(program: Command, locale: Locale) {
  const m = CLI_MESSAGES[locale];
  program
    .command("codebook")
    .description(m.codebook.description)
    .requiredOption("--project <name>", m.project)
    .option("--json", m.json)
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const tree = await getCodebook(db, project.id);
      emit(!!o.json, tree, () => treeLines(tree, locale, m).join("\n") || m.codebook.empty);
    });

  program
    .command("code")
    .description(m.code.description)
    .requiredOption("--project <name>", m.project)
    .requiredOption("--document <id>", m.code.document)
    .requiredOption("--code <shortName>", m.code.code)
    .requiredOption("--start <n>", m.code.start)
    .requiredOption("--end <n>", m.code.end)
    .option("--coder <name>", m.coderDefault)
    .option("--comment <text>", m.code.comment)
    .option("--json", m.json)
    .action(
      async (o: { project: string; document: string; code: string; start: string; end: string; coder?: string; comment?: string; json?: boolean }) => {
        const db = await openDb();
        const project = await getProjectByName(db, o.project);
        const code = await codeByShortName(db, project.id, o.code);
        const coding = await createCoding(db, {
          documentId: o.document,
          codeId: code.id,
          start: integer("--start", o.start),
          end: integer("--end", o.end),
          coder: o.coder ?? defaultCoder(),
          comment: o.comment,
        });
        emit(!!o.json, coding, () => m.code.done(o.code, coding.start, coding.end, coding.quote, coding.id));
      },
    );

  program
    .command("search")
    .description(m.search.description)
    .requiredOption("--project <name>", m.project)
    .requiredOption("--query <q>", m.search.query)
    .addOption(new Option("--mode <mode>", m.search.mode).choices(["substring", "word", "regex"]).default("substring"))
    .option("--region <codes>", m.search.region)
    .option("--province <names>", m.search.province)
    .option("--type <types>", m.search.type)
    .option("--level <levels>", m.search.level)
    .option("--from <year>", m.search.from)
    .option("--to <year>", m.search.to)
    .option("--coded-with <shortNames>", m.search.codedWith)
    .option("--not-coded-with <shortNames>", m.search.notCodedWith)
    .option("--limit <n>", m.search.limit, "200")
    .option("--json", m.json)
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const { searchCorpus } = await import("../search"); // jieba loads with search only
      const db = await openDb();
      const project = await getProjectByName(db, String(o.project));
      const list = (v: unknown) => (typeof v === "string" && v ? v.split(",").map((s) => s.trim()) : undefined);
      const codeIds = async (v: unknown) => {
        const names = list(v);
        if (!names) return undefined;
        return Promise.all(names.map(async (n) => (await codeByShortName(db, project.id, n)).id));
      };
      const result = await searchCorpus(db, project.id, {
        query: String(o.query),
        mode: o.mode as "substring" | "word" | "regex",
        filters: {
          region: list(o.region),
          province: list(o.province),
          docType: list(o.type),
          level: list(o.level),
          year:
            o.from || o.to
              ? { from: o.from ? integer("--from", String(o.from)) : undefined, to: o.to ? integer("--to", String(o.to)) : undefined }
              : undefined,
          codedWith: await codeIds(o.codedWith),
          notCodedWith: await codeIds(o.notCodedWith),
        },
        limit: integer("--limit", String(o.limit)),
      });
      emit(!!o.json, result, () =>
        [
          m.search.hits(result.total),
          ...result.hits.map((h) => `${h.year ?? "—"} ${h.title}\t${h.left}【${h.match}】${h.right}`),
        ].join("\n"),
      );
    });

  program
    .command("suggest")
    .description(m.suggest.description)
    .requiredOption("--project <name>", m.project)
    .requiredOption("--code <shortName>", m.suggest.code)
    .option("--accept <unitIds>", m.suggest.accept)
    .option("--reject <unitIds>", m.suggest.reject)
    .option("--coder <name>", m.suggest.coder)
    .option("--limit <n>", m.suggest.limit, "500")
    .option("--json", m.json)
    .action(
      async (o: { project: string; code: string; accept?: string; reject?: string; coder?: string; limit: string; json?: boolean }) => {
        const { decideSuggestions, suggestForCode } = await import("../search");
        const db = await openDb();
        const project = await getProjectByName(db, o.project);
        const code = await codeByShortName(db, project.id, o.code);
        const split = (v?: string) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
        if (o.accept || o.reject) {
          const decided = await decideSuggestions(db, {
            projectId: project.id,
            codeId: code.id,
            coder: o.coder ?? defaultCoder(),
            accept: split(o.accept),
            reject: split(o.reject),
          });
          emit(!!o.json, decided, () =>
            m.suggest.decided({
              accepted: decided.accepted,
              rejected: decided.rejected,
              created: decided.created.length,
              skipped: decided.skipped.length,
            }),
          );
          return;
        }
        const suggestions = await suggestForCode(db, { projectId: project.id, codeId: code.id, limit: integer("--limit", o.limit) });
        emit(!!o.json, suggestions, () =>
          suggestions.groups
            .flatMap((g) => [`# ${g.title} (${g.year ?? "—"})`, ...g.sentences.map((s) => `  ${s.unitId}\t[${s.keywords.join(",")}]\t${s.text}`)])
            .join("\n") || m.suggest.none,
        );
      },
    );
}
