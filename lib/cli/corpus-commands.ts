import type { Command } from "commander";
import { Option } from "commander";
import { listDocuments } from "../corpus/documents";
import { normalizeDocType, type DocumentMetadataPatch } from "../corpus/metadata";
import { findOrCreateProject, getProjectByName, listProjects } from "../corpus/projects";
import { LEVEL_CODES, REGION_CODES } from "../corpus/reference";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { openDb } from "./db";
import { both, CLI_MESSAGES } from "./messages";
import { emit } from "./output";

// The import pipeline (jieba, extractors) and the demo loader are imported inside their
// commands: `juncture projects` and the like start without loading them.

type ImportOptions = {
  project: string;
  region?: string;
  province?: string;
  city?: string;
  issuer?: string;
  year?: string;
  date?: string;
  type?: string;
  level?: string;
  language?: string;
  source?: string;
  encoding?: string;
  templates?: string;
  json?: boolean;
};

function yearFlag(value: string): number {
  const y = Number(value);
  if (!Number.isInteger(y)) throw new AppError("invalid_input", both((m) => m.errors.year(value)));
  return y;
}

function metadataFromFlags(o: ImportOptions): DocumentMetadataPatch {
  const patch: DocumentMetadataPatch = {};
  if (o.region) patch.region = o.region;
  if (o.province) patch.province = o.province;
  if (o.city) patch.city = o.city;
  if (o.issuer) patch.issuer = o.issuer;
  if (o.year) patch.year = yearFlag(o.year);
  if (o.date) patch.date = o.date;
  if (o.type) {
    const t = normalizeDocType(o.type);
    if (!t) throw new AppError("invalid_input", both((m) => m.errors.docType(String(o.type))));
    patch.docType = t;
  }
  if (o.level) patch.level = o.level as DocumentMetadataPatch["level"];
  if (o.language) patch.language = o.language;
  if (o.source) patch.sourceRef = o.source;
  return patch;
}

export function registerCorpusCommands(program: Command, locale: Locale) {
  const m = CLI_MESSAGES[locale];
  program
    .command("import")
    .description(m.import.description)
    .argument("<paths...>", m.import.paths)
    .requiredOption("--project <name>", m.project)
    .addOption(new Option("--region <code>", m.import.region).choices(REGION_CODES))
    .option("--province <name>", m.import.province)
    .option("--city <name>", m.import.city)
    .option("--issuer <name>", m.import.issuer)
    .option("--year <year>", m.import.year)
    .option("--date <yyyy-mm-dd>", m.import.date)
    .option("--type <type>", m.import.type)
    .addOption(new Option("--level <level>", m.import.level).choices(LEVEL_CODES))
    .option("--language <tag>", m.import.language)
    .option("--source <ref>", m.import.source)
    .option("--encoding <name>", m.import.encoding)
    .option("--templates <keys>", m.import.templates)
    .option("--json", m.json)
    .action(async (paths: string[], o: ImportOptions) => {
      const metadata = metadataFromFlags(o);
      const { collectFiles, fileReader, importFiles } = await import("../corpus/import-files");
      const db = await openDb();
      const templates =
        o.templates === undefined ? undefined : o.templates === "none" ? ("none" as const) : o.templates.split(",").map((s) => s.trim());
      const project = await findOrCreateProject(db, o.project, templates);
      const { files, skipped, missing } = await collectFiles(paths);
      const result = await importFiles(db, {
        projectId: project.id,
        files: files.map((f) => ({ fileName: f, read: fileReader(f) })),
        metadata,
        encoding: o.encoding,
        // Progress for people, on stderr so that stdout keeps the summary (or the JSON).
        onResult: o.json
          ? undefined
          : (file, r) =>
              process.stderr.write(
                "error" in r
                  ? `${m.import.failed(file, r.text[locale])}\n`
                  : [m.import.ok(file, r.chars, r.sentences, r.encoding), ...r.warnings.map((w) => m.import.warning(w[locale]))]
                      .map((line) => `${line}\n`)
                      .join(""),
              ),
      });
      // JSON keeps its field names; the human parts (error, warnings) are in the chosen language.
      const failed = [
        ...missing.map((file) => ({ file, error: m.import.missing })),
        ...result.failed.map((f) => ({ file: f.file, error: f.text[locale] })),
      ];
      const out = {
        imported: result.imported.map(({ id, title, file, chars, paragraphs, sentences, encoding, year, region, warnings }) => ({
          id,
          title,
          file,
          chars,
          paragraphs,
          sentences,
          encoding,
          year,
          region,
          warnings: warnings.map((w) => w[locale]),
        })),
        failed,
        ...(skipped.length > 0 ? { skipped } : {}),
      };
      emit(!!o.json, out, () =>
        [
          m.import.summary({
            project: project.name,
            created: project.created,
            imported: out.imported.length,
            failed: failed.length,
            skipped: skipped.length,
          }),
          ...failed.map((f) => m.import.failedLine(f.file, f.error)),
          ...skipped.map((f) => m.import.skippedLine(f)),
        ].join("\n"),
      );
      process.exitCode = failed.length > 0 ? 1 : 0;
    });

  program
    .command("projects")
    .description(m.projects.description)
    .option("--json", m.json)
    .action(async (o: { json?: boolean }) => {
      const projects = await listProjects(await openDb());
      emit(!!o.json, projects, () => projects.map((p) => m.projects.line(p)).join("\n") || m.projects.none);
    });

  program
    .command("documents")
    .description(m.documents.description)
    .requiredOption("--project <name>", m.project)
    .option("--region <code>", m.documents.region)
    .option("--province <name>", m.documents.province)
    .option("--year <year>", m.documents.year)
    .option("--type <type>", m.documents.type)
    .option("--level <level>", m.documents.level)
    .option("--json", m.json)
    .action(async (o: { project: string; region?: string; province?: string; year?: string; type?: string; level?: string; json?: boolean }) => {
      // Flags are checked before the database is opened: a typo is refused the same way everywhere.
      const filters = {
        region: o.region,
        province: o.province,
        year: o.year ? yearFlag(o.year) : undefined,
        docType: o.type ? (normalizeDocType(o.type) ?? o.type) : undefined,
        level: o.level,
      };
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const docs = await listDocuments(db, project.id, filters);
      emit(!!o.json, docs, () => docs.map((d) => m.documents.line(d)).join("\n") || m.documents.none);
    });

  program
    .command("demo")
    .description(m.demo.description)
    .option("--reset", m.demo.reset)
    .option("--json", m.json)
    .action(async (o: { reset?: boolean; json?: boolean }) => {
      const { loadDemoProject } = await import("../corpus/demo");
      const result = await loadDemoProject(await openDb(), { reset: !!o.reset });
      emit(!!o.json, result, () =>
        result.loaded ? m.demo.loaded(result.name, result.documents, result.codings) : m.demo.present(result.name),
      );
    });
}
