import { z } from "zod";
import type { Db } from "../db/client";
import {
  findProjectById,
  findProjectByName,
  countProjectContents,
  insertProject,
  selectProjectSummaries,
  deleteProjectById,
  type ProjectContentCounts,
  type ProjectSummary,
} from "../db/projects";
import { AppError } from "../errors";
import { applyTemplates } from "../codebook/templates";
import { CODEBOOK_TEMPLATES, DEFAULT_TEMPLATE_KEYS, type TemplateKey } from "../codebook/templates";
import { zodText } from "../i18n/text";

export type { ProjectContentCounts, ProjectSummary };

export const createProjectSchema = z.object({
  name: z.string().trim().min(1, zodText("project name is required", "项目名称不能为空")).max(200),
  description: z.string().trim().max(5000).default(""),
  /** Built-in codebooks to add; "none" opts out; omitted → the 3-CO and mismatch templates. */
  templates: z.union([z.literal("none"), z.array(z.string())]).optional(),
});
export type CreateProjectInput = z.input<typeof createProjectSchema>;

function templateKeys(choice: CreateProjectInput["templates"]): TemplateKey[] {
  if (choice === "none") return [];
  if (choice === undefined) return [...DEFAULT_TEMPLATE_KEYS];
  const known = new Set(Object.keys(CODEBOOK_TEMPLATES));
  const unknown = choice.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_input",
      { en: `unknown codebook template ${unknown.join(", ")} — choose from ${[...known].join(", ")} or none`, zh: "未知的编码本模板" },
    );
  }
  return choice as TemplateKey[];
}

/** Creates a project with the chosen built-in codebooks. */
export async function createProject(db: Db, input: CreateProjectInput) {
  const { name, description, templates } = createProjectSchema.parse(input);
  const keys = templateKeys(templates);
  if (await findProjectByName(db, name)) {
    throw new AppError("conflict", { en: `a project named “${name}” already exists`, zh: "已存在同名项目" });
  }
  const project = await insertProject(db, { name, description });
  if (keys.length > 0) await applyTemplates(db, project.id, keys, { startingCodebook: true });
  return project;
}

export async function listProjects(db: Db): Promise<ProjectSummary[]> {
  return selectProjectSummaries(db);
}

export async function getProject(db: Db, id: string) {
  const project = await findProjectById(db, id);
  if (!project) throw new AppError("not_found", { en: `no project with id ${id}`, zh: "项目不存在" });
  return project;
}

export async function getProjectByName(db: Db, name: string) {
  const project = await findProjectByName(db, name);
  if (!project) throw new AppError("not_found", { en: `no project named “${name}”`, zh: "项目不存在" });
  return project;
}

/** The CLI's `--project NAME`: use the project, or create it (with default templates). */
export async function findOrCreateProject(
  db: Db,
  name: string,
  templates?: CreateProjectInput["templates"],
): Promise<{ id: string; name: string; created: boolean }> {
  const existing = await findProjectByName(db, name);
  if (existing) return { id: existing.id, name: existing.name, created: false };
  const created = await createProject(db, { name, templates });
  return { id: created.id, name: created.name, created: true };
}

export type ProjectDeletionImpact = ProjectContentCounts & { name: string };

/** What deleting a project takes with it, for the confirmation dialog. */
export async function describeProjectDeletion(db: Db, id: string): Promise<ProjectDeletionImpact> {
  const project = await getProject(db, id);
  return { name: project.name, ...(await countProjectContents(db, id)) };
}

export const deleteProjectSchema = z.object({
  confirmName: z.string({ error: "type the project's name to confirm / 请输入项目名称以确认删除" }),
});

/**
 * Deletes a project with its documents, codes, codings and memos, only when `confirmName`
 * is exactly its name: the whole corpus goes, so a slip of the mouse must not do it.
 */
export async function deleteProject(db: Db, opts: { id: string; confirmName: string }): Promise<void> {
  const project = await getProject(db, opts.id);
  if (opts.confirmName !== project.name) {
    throw new AppError(
      "invalid_input",
      { en: `the name typed does not match the project's name “${project.name}”; nothing was deleted`, zh: "输入的名称与项目名称不符，未删除" },
    );
  }
  await deleteProjectById(db, opts.id);
}
