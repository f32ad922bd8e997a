import type { Command } from "commander";
import { Option } from "commander";
import { listDocuments } from "../corpus/documents";
import { normalizeDocType, type DocumentMetadataPatch } from "../corpus/metadata";
import { findOrCreateProject, getProjectByName, listProjects } from "../corpus/projects";
import { AppError } from "../errors";
import { LEVEL_CODES, REGION_CODES } from "../corpus/reference";
import { openDb } from "./db";
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

function metadataFromFlags(o: ImportOptions): DocumentMetadataPatch {
  const patch: DocumentMetadataPatch = {};
  if (o.region) patch.region = o.region;
  if (o.province) patch.province = o.province;
  if (o.city) patch.city = o.city;
  if (o.issuer) patch.issuer = o.issuer;
  if (o.year) {
    const y = Number(o.year);
    if (!Number.isInteger(y)) throw new AppError("invalid_input", `--year must be a year such as 2018, not “${o.year}”`);
    patch.year = y;
  }
  if (o.date) patch.date = o.date;
  if (o.type) {
    const t = normalizeDocType(o.type);
    if (!t) throw new AppError("invalid_input", `--type “${o.type}” is not one of plan, work-report, five-year-plan, interview, field-notes, other`);
    patch.docType = t;
  }
  if (o.level) patch.level = o.level as DocumentMetadataPatch["level"];
  if (o.language) patch.language = o.language;
  if (o.source) patch.sourceRef = o.source;
  return patch;
}

export function registerCorpusCommands(program: Command) {
  program
    .command("import")
    .description("import files or folders (recursive) into a project, creating it if missing / 导入文件")
    .argument("<paths...>", "files or folders")
    .requiredOption("--project <name>", "project name")
    .addOption(new Option("--region <code>", "mega-region code").choices(REGION_CODES))
    .option("--province <name>", "province, e.g. 河北省")
    .option("--city <name>", "city, e.g. 保定市")
    .option("--issuer <name>", "issuing body")
    .option("--year <year>", "year, e.g. 2018")
    .option("--date <yyyy-mm-dd>", "date")
    .option("--type <type>", "plan | work-report | five-year-plan | interview | field-notes | other")
    .addOption(new Option("--level <level>", "governance level").choices(LEVEL_CODES))
    .option("--language <tag>", "language tag, default zh-Hans")
    .option("--source <ref>", "source URL or archive reference")
    .option("--encoding <name>", "force a text encoding, e.g. gb18030")
    .option("--templates <keys>", "codebooks for a new project: comma list or none (default 3co,mismatches)")
    .option("--json", "print JSON")
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
        onResult: o.json
          ? undefined
          : (file, r) =>
              process.stderr.write(
                "error" in r ? `✗ ${file}: ${r.error}\n` : `✓ ${file}: ${r.chars} chars, ${r.sentences} sentences, ${r.encoding}\n`,
              ),
      });
      const failed = [...missing.map((m) => ({ file: m, error: "no such file or folder / 文件不存在" })), ...result.failed];
      const out = {
        imported: result.imported.map(({ id, title, file, chars, paragraphs, sentences, encoding, year, region }) => ({
          id,
          title,
          file,
          chars,
          paragraphs,
          sentences,
          encoding,
          year,
          region,
        })),
        failed,
        ...(skipped.length > 0 ? { skipped } : {}),
      };
      emit(!!o.json, out, () =>
        [
          `project “${project.name}”${project.created ? " (created)" : ""}: ${out.imported.length} imported, ${failed.length} failed` +
            (skipped.length ? `, ${skipped.length} skipped (not TXT/DOCX/PDF/HTML)` : ""),
          ...failed.map((f) => `  failed: ${f.file}: ${f.error}`),
        ].join("\n"),
      );
      process.exitCode = failed.length > 0 ? 1 : 0;
    });

  program
    .command("projects")
    .description("list projects / 项目列表")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      const projects = await listProjects(await openDb());
      emit(!!o.json, projects, () =>
        projects.map((p) => `${p.name}\t${p.documentCount} documents\t${p.charCount} chars\t${p.codingCount} codings\t${p.id}`).join("\n") ||
          "no projects yet / 暂无项目",
      );
    });

  program
    .command("documents")
    .description("list a project's documents / 文档列表")
    .requiredOption("--project <name>", "project name")
    .option("--region <code>")
    .option("--province <name>")
    .option("--year <year>")
    .option("--type <type>")
    .option("--level <level>")
    .option("--json", "print JSON")
    .action(async (o: { project: string; region?: string; province?: string; year?: string; type?: string; level?: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const docs = await listDocuments(db, project.id, {
        region: o.region,
        province: o.province,
        year: o.year ? Number(o.year) : undefined,
        docType: o.type ? normalizeDocType(o.type) ?? o.type : undefined,
        level: o.level,
      });
      emit(!!o.json, docs, () =>
        docs.map((d) => `${d.id}\t${d.year ?? "—"}\t${d.region}\t${d.docType}\t${d.charCount} chars\t${d.title}`).join("\n") ||
          "no documents / 暂无文档",
      );
    });

  program
    .command("demo")
    .description("load the demo project into the current database / 载入示例项目")
    .option("--reset", "replace an existing demo project")
    .option("--json", "print JSON")
    .action(async (o: { reset?: boolean; json?: boolean }) => {
      const { loadDemoProject } = await import("../corpus/demo");
      const result = await loadDemoProject(await openDb(), { reset: !!o.reset });
      emit(!!o.json, result, () =>
        result.loaded
          ? `demo project “${result.name}” loaded: ${result.documents} documents, ${result.codings} codings`
          : `demo project “${result.name}” already present (use --reset to reload)`,
      );
    });
}
