import type { Command } from "commander";
import { closeRound, findRound, listRounds, openRound, type RoundRow } from "../coding/rounds";
import { DEFAULT_CODER } from "../coding/coder-name";
import { listDocuments } from "../corpus/documents";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

const ROUND_MESSAGES = {
  en: {
    description: "blind coding rounds: while one is open its coders see only their own codings on its documents",
    open: "open a blind round for documents and coders",
    close: "close a round (reveals all codings)",
    list: "list the project's rounds",
    name: "the round's name",
    round: "the round (id, or name of an open round)",
    documents: "documents: ids or exact titles, comma-separated",
    coders: "coders: user names, comma-separated (two or more)",
    by: "who opens or closes it (recorded)",
    unknownDocuments: (refs: string) => `no document with this id or title: ${refs}`,
    line: (r: RoundRow) => `${r.status === "open" ? "●" : "○"} ${r.name} [${r.status}] — ${r.documents.length} documents; coders: ${r.coders.map((c) => c.name).join(", ")}`,
    opened: (r: RoundRow) => `opened round “${r.name}” (${r.id}): ${r.documents.length} documents, coders ${r.coders.map((c) => c.name).join(", ")}`,
    closed: (r: RoundRow) => `closed round “${r.name}”: every coding on its documents is visible again`,
    none: "no rounds",
  },
  zh: {
    description: "盲编轮次：轮次开放期间，编码者在其文档中只能看到自己的编码",
    open: "为选定文档和编码者开启盲编轮次",
    close: "关闭轮次（显示全部编码）",
    list: "列出项目的轮次",
    name: "轮次名称",
    round: "轮次（ID，或开放中轮次的名称）",
    documents: "文档：ID 或完整标题，逗号分隔",
    coders: "编码者：用户名，逗号分隔（至少两位）",
    by: "开启或关闭者（会被记录）",
    unknownDocuments: (refs: string) => `没有此 ID 或标题的文档：${refs}`,
    line: (r: RoundRow) => `${r.status === "open" ? "●" : "○"} ${r.name} [${r.status === "open" ? "开放" : "已关闭"}] — ${r.documents.length} 个文档；编码者：${r.coders.map((c) => c.name).join("、")}`,
    opened: (r: RoundRow) => `已开启轮次“${r.name}”（${r.id}）：${r.documents.length} 个文档，编码者 ${r.coders.map((c) => c.name).join("、")}`,
    closed: (r: RoundRow) => `已关闭轮次“${r.name}”：其文档中的全部编码重新可见`,
    none: "没有轮次",
  },
};

const list = (v: string) => v.split(",").map((s) => s.trim()).filter((s) => s !== "");

export function registerRoundCommands(program: Command, locale: Locale) {
  const m = ROUND_MESSAGES[locale];
  const common = CLI_MESSAGES[locale];
  const rounds = program.command("rounds").description(m.description);
  rounds
    .command("open")
    .description(m.open)
    .requiredOption("--project <name>", common.project)
    .requiredOption("--documents <refs>", m.documents)
    .requiredOption("--coders <names>", m.coders)
    .option("--name <name>", m.name)
    .option("--by <name>", m.by, DEFAULT_CODER)
    .option("--json", common.json)
    .action(async (o: { project: string; documents: string; coders: string; name?: string; by: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const docs = await listDocuments(db, project.id);
      const refs = list(o.documents);
      const ids = refs.map((r) => docs.find((d) => d.id === r)?.id ?? docs.find((d) => d.title === r)?.id);
      const missing = refs.filter((_, i) => ids[i] === undefined);
      if (missing.length > 0) {
        throw new AppError("invalid_input", { en: ROUND_MESSAGES.en.unknownDocuments(missing.join(", ")), zh: ROUND_MESSAGES.zh.unknownDocuments(missing.join("、")) });
      }
      const name = o.name ?? new Date().toISOString().slice(0, 16).replace("T", " ");
      const round = await openRound(db, { projectId: project.id, by: o.by, input: { name, documentIds: ids as string[], coders: list(o.coders) } });
      emit(!!o.json, { round }, () => m.opened(round));
    });
  rounds
    .command("close")
    .description(m.close)
    .requiredOption("--project <name>", common.project)
    .argument("<round>", m.round)
    .option("--by <name>", m.by, DEFAULT_CODER)
    .option("--json", common.json)
    .action(async (ref: string, o: { project: string; by: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const round = await closeRound(db, { roundId: (await findRound(db, project.id, ref)).id, by: o.by });
      emit(!!o.json, { round }, () => m.closed(round));
    });
  rounds
    .command("list", { isDefault: true })
    .description(m.list)
    .requiredOption("--project <name>", common.project)
    .option("--json", common.json)
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const all = await listRounds(db, project.id);
      emit(!!o.json, { rounds: all }, () => all.map(m.line).join("\n") || m.none);
    });
}
