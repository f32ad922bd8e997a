import { getTranslations } from "next-intl/server";
import { CreateProjectDialog, type TemplateOption } from "@/components/projects/CreateProjectDialog";
import { ProjectTable } from "@/components/projects/ProjectTable";
import { CODEBOOK_TEMPLATES, DEFAULT_TEMPLATE_KEYS, TEMPLATE_KEYS, walkTemplateCodes } from "@/lib/codebook/templates";
import { listProjects } from "@/lib/corpus";
import { visibleProjectIds } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { requirePageUser } from "./coder";

export const dynamic = "force-dynamic";

const templateOptions: TemplateOption[] = TEMPLATE_KEYS.map((key) => {
  const t = CODEBOOK_TEMPLATES[key];
  return { key, zh: t.labelZh, en: t.labelEn, codeCount: [...walkTemplateCodes(t.codes)].length };
});

/** Home: the user's projects (an admin's: all) with their corpus and coding counts, and "New project". */
export default async function HomePage() {
  const actor = await requirePageUser();
  const db = getDb();
  const [all, visible, t] = await Promise.all([
    listProjects(db),
    actor.id ? visibleProjectIds(db, { id: actor.id, name: actor.name, isAdmin: actor.isAdmin }) : null,
    getTranslations("projects"),
  ]);
  const projects = visible ? all.filter((p) => visible.has(p.id)) : all;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-5">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-base font-semibold">{t("title")}</h1>
        <CreateProjectDialog templates={templateOptions} defaultKeys={[...DEFAULT_TEMPLATE_KEYS]} />
      </div>
      <ProjectTable projects={projects} />
    </main>
  );
}
