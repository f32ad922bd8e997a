import { getTranslations } from "next-intl/server";
import { CreateProjectDialog, type TemplateOption } from "@/components/projects/CreateProjectDialog";
import { ProjectTable } from "@/components/projects/ProjectTable";
import { CODEBOOK_TEMPLATES, DEFAULT_TEMPLATE_KEYS, TEMPLATE_KEYS, walkTemplateCodes } from "@/lib/codebook/templates";
import { listProjects } from "@/lib/corpus";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const templateOptions: TemplateOption[] = TEMPLATE_KEYS.map((key) => {
  const t = CODEBOOK_TEMPLATES[key];
  return { key, zh: t.labelZh, en: t.labelEn, codeCount: [...walkTemplateCodes(t.codes)].length };
});

/** Home: every project with its corpus and coding counts, and "New project". */
export default async function HomePage() {
  const [projects, t] = await Promise.all([listProjects(getDb()), getTranslations("projects")]);
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
