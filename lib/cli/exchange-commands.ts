import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { getProjectByName } from "../corpus/projects";
// The exporters, importers and backup are loaded by the command that runs them: their
// XLSX, XML, ZIP and PostgreSQL libraries would otherwise load on every CLI call.
import { EXPORT_FORMATS, type ExportFormat } from "../exchange/formats";
import type { OffsetsChoice } from "../exchange/qdpx-read";
import type { PositionUnit } from "../exchange/refi";
import type { Locale } from "../i18n/locale";
import { resolveDatabaseUrl } from "../db/url";
import { openDb } from "./db";
import { EXCHANGE_MESSAGES } from "./exchange-messages";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

const list = (v?: string) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

/** Writes chunks or bytes to a temporary file next to `out`, renamed at the end: a failed export leaves no file. */
async function writeAtomically(out: string, body: Iterable<string> | Uint8Array): Promise<number> {
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.part`);
  try {
    if (body instanceof Uint8Array) {
      fs.writeFileSync(tmp, body);
    } else {
      const fd = fs.openSync(tmp, "w");
      try {
        for (const chunk of body) fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return fs.statSync(out).size;
}

export function registerExchangeCommands(program: Command, locale: Locale) {
  const m = EXCHANGE_MESSAGES[locale].export;
  const c = CLI_MESSAGES[locale];
  program
    .command("export")
    .description(m.description)
    .requiredOption("--project <name>", c.project)
    .addOption(new Option("--format <format>", m.format).choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption("--out <file>", m.out)
    .option("--codes <list>", m.codes)
    .option("--documents <list>", m.documents)
    .option("--coders <list>", m.coders)
    .addOption(new Option("--positions <unit>", m.positions).choices(["codepoints", "utf16"]).default("codepoints"))
    .option("--json", c.json)
    .action(
      async (o: { project: string; format: ExportFormat; out: string; codes?: string; documents?: string; coders?: string; positions: PositionUnit; json?: boolean }) => {
        const db = await openDb();
        const project = await getProjectByName(db, o.project);
        const filters = { codes: list(o.codes), documents: list(o.documents), coders: list(o.coders) };
        const { exportProject } = await import("../exchange/export");
        const file = await exportProject(db, { projectId: project.id, format: o.format, filters, positions: o.positions });
        const bytes = await writeAtomically(o.out, file.body);
        emit(!!o.json, { file: path.resolve(o.out), format: o.format, contentType: file.contentType, bytes }, () => m.wrote(o.out, bytes));
      },
    );

  const mi = EXCHANGE_MESSAGES[locale].importQdpx;
  program
    .command("import-qdpx")
    .description(mi.description)
    .argument("<file>", mi.file)
    .requiredOption("--project <name>", mi.project)
    .addOption(new Option("--offsets <convention>", mi.offsets).choices(["auto", "codepoints", "utf16"]).default("auto"))
    .option("--json", c.json)
    .action(async (file: string, o: { project: string; offsets: OffsetsChoice; json?: boolean }) => {
      const db = await openDb();
      const { importQdpx } = await import("../exchange/import-qdpx");
      const r = await importQdpx(db, { bytes: fs.readFileSync(file), projectName: o.project, offsets: o.offsets });
      emit(!!o.json, r, () => [mi.imported({ ...r.imported, convention: r.offsets.convention }), ...r.notes.map(mi.note)].join("\n"));
    });

  const mq = EXCHANGE_MESSAGES[locale].importQdc;
  program
    .command("import-qdc")
    .description(mq.description)
    .argument("<file>", mq.file)
    .requiredOption("--project <name>", c.project)
    .option("--json", c.json)
    .action(async (file: string, o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const { importQdc } = await import("../exchange/import-qdc");
      const r = await importQdc(db, { bytes: fs.readFileSync(file), projectId: project.id });
      emit(!!o.json, r, () => [mq.imported(r.imported), ...r.notes.map(mi.note)].join("\n"));
    });

  const mb = EXCHANGE_MESSAGES[locale].backup;
  program
    .command("backup")
    .description(mb.description)
    .requiredOption("--out <file>", mb.out)
    .option("--json", c.json)
    .action(async (o: { out: string; json?: boolean }) => {
      await openDb();
      const { backupDatabase } = await import("../exchange/backup");
      const r = await backupDatabase(resolveDatabaseUrl(), o.out);
      const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
      emit(!!o.json, r, () => mb.wrote(o.out, r.bytes, total));
    });

  const mr = EXCHANGE_MESSAGES[locale].restore;
  program
    .command("restore")
    .description(mr.description)
    .argument("<file>", mr.file)
    .option("--json", c.json)
    .action(async (file: string, o: { json?: boolean }) => {
      await openDb();
      const { restoreDatabase } = await import("../exchange/backup");
      const r = await restoreDatabase(resolveDatabaseUrl(), file);
      const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
      emit(!!o.json, r, () => mr.restored(total, r.rows.Project ?? 0));
    });
}
