import type { Command } from "commander";
import { Option } from "commander";
import { findCodeByShortName, getCodebook, type CodeNode } from "../codebook";
import { createCoding } from "../coding";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import { openDb } from "./db";
import { emit } from "./output";

function defaultCoder(): string {
  return process.env.JUNCTURE_CODER || process.env.USER || "researcher";
}

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError("invalid_input", `${flag} must be an integer, not “${value}”`);
  return n;
}

async function codeByShortName(db: Awaited<ReturnType<typeof openDb>>, projectId: string, shortName: string) {
  const code = await findCodeByShortName(db, projectId, shortName);
  if (!code) throw new AppError("not_found", { en: `no code “${shortName}” in this project`, zh: "编码不存在" });
  return code;
}

function treeLines(nodes: CodeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${"  ".repeat(depth)}${n.shortName}  ${n.labelZh} / ${n.labelEn}  (${n.codingCount}${n.totalCodingCount !== n.codingCount ? `, ${n.totalCodingCount} with sub-codes` : ""})`,
    ...treeLines(n.children, depth + 1),
  ]);
}

export function registerCodingCommands(program: Command) {
  program
    .command("codebook")
    .description("print a project's codebook tree with coding counts / 编码本")
    .requiredOption("--project <name>", "project name")
    .option("--json", "print JSON")
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const tree = await getCodebook(db, project.id);
      emit(!!o.json, tree, () => treeLines(tree).join("\n") || "empty codebook / 编码本为空");
    });

  program
    .command("code")
    .description("code a span of a document (offsets in Unicode code points) / 编码一段文本")
    .requiredOption("--project <name>", "project name")
    .requiredOption("--document <id>", "document id")
    .requiredOption("--code <shortName>", "code short name, e.g. COE-1")
    .requiredOption("--start <n>", "start offset (code points)")
    .requiredOption("--end <n>", "end offset (code points, exclusive)")
    .option("--coder <name>", "coder name (default $JUNCTURE_CODER or $USER)")
    .option("--comment <text>", "comment")
    .option("--json", "print JSON")
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
        emit(!!o.json, coding, () => `coded ${o.code} [${coding.start}, ${coding.end}) “${coding.quote}” (${coding.id})`);
      },
    );

  program
    .command("search")
    .description("search the corpus: AND / OR / NOT, \"phrases\", word or regex mode / 检索语料")
    .requiredOption("--project <name>", "project name")
    .requiredOption("--query <q>", "query, e.g. \"雄安 AND 疏解\"")
    .addOption(new Option("--mode <mode>", "match mode").choices(["substring", "word", "regex"]).default("substring"))
    .option("--region <codes>", "comma-separated mega-region codes")
    .option("--province <names>", "comma-separated provinces")
    .option("--type <types>", "comma-separated document types")
    .option("--level <levels>", "comma-separated governance levels")
    .option("--from <year>", "from year")
    .option("--to <year>", "to year")
    .option("--coded-with <shortNames>", "only sentences coded with any of these codes")
    .option("--not-coded-with <shortNames>", "only sentences not coded with these codes")
    .option("--limit <n>", "maximum hits", "200")
    .option("--json", "print JSON")
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
          `${result.total} hits`,
          ...result.hits.map((h) => `${h.year ?? "—"} ${h.title}\t${h.left}【${h.match}】${h.right}`),
        ].join("\n"),
      );
    });

  program
    .command("suggest")
    .description("sentences matching a code's keywords, not yet coded with it / 关键词建议")
    .requiredOption("--project <name>", "project name")
    .requiredOption("--code <shortName>", "code short name, e.g. CON-1")
    .option("--accept <unitIds>", "accept these sentence ids (comma-separated): code them")
    .option("--reject <unitIds>", "reject these sentence ids (comma-separated): never suggest them again")
    .option("--coder <name>", "coder name for accepted sentences")
    .option("--limit <n>", "maximum sentences", "500")
    .option("--json", "print JSON")
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
          emit(!!o.json, decided, () => JSON.stringify(decided));
          return;
        }
        const suggestions = await suggestForCode(db, { projectId: project.id, codeId: code.id, limit: integer("--limit", o.limit) });
        emit(!!o.json, suggestions, () =>
          suggestions.groups
            .flatMap((g) => [`# ${g.title} (${g.year ?? "—"})`, ...g.sentences.map((s) => `  ${s.unitId}\t[${s.keywords.join(",")}]\t${s.text}`)])
            .join("\n") || "no suggestions / 暂无建议",
        );
      },
    );
}
