import { z } from "zod";
import { insertAuditEvents, type NewAuditEvent } from "../db/audit";
import { actorOf, codeEvent, type AuditBy } from "../audit/events";
import type { Db } from "../db/client";
import {
  findCodeGroupByName,
  inTransaction,
  insertCode,
  insertCodeGroup,
  insertMemberships,
  listCodeSkeleton,
  listMembershipsOfGroup,
  projectExists,
} from "../db/codes";
import { AppError } from "../errors";
import { codeColumnsOf } from "./code-fields";
import { shortNameKey } from "./names";
import { parseInput } from "../parse-input";
import { idSchema } from "./schemas";
import { CODEBOOK_TEMPLATES, templateKeySchema, walkTemplateCodes, type TemplateKey } from "./template-data";

const applyTemplatesSchema = z.object({ projectId: idSchema, keys: z.array(templateKeySchema) });

/**
 * Adds built-in codebooks to a project in one transaction. Idempotent: a code whose short
 * name already exists (ignoring case) is skipped, never duplicated or overwritten — the
 * researcher may have edited it — but it still joins the template's group. A missing child
 * is created under the existing parent, so re-applying repairs a partly deleted template.
 */
export async function applyTemplates(
  db: Db,
  projectId: string,
  keys: TemplateKey[],
  by: AuditBy & { /** A new project's starting codebook: its state at birth, not a change to log. */ startingCodebook?: boolean } = {},
): Promise<{ created: number; skipped: number }> {
  const input = parseInput(applyTemplatesSchema, { projectId, keys });
  const uniqueKeys = [...new Set(input.keys)];

  return inTransaction(db, async (tx) => {
    if (!(await projectExists(tx, input.projectId))) {
      throw new AppError("not_found", { en: "Project not found", zh: "未找到该项目" }, { projectId: input.projectId });
    }
    const existing = await listCodeSkeleton(tx, input.projectId);
    const idByKey = new Map(existing.map((c) => [shortNameKey(c.shortName), c.id]));
    // Next free sortOrder per parent, so template codes append after the researcher's own.
    const nextOrder = new Map<string | null, number>();
    for (const c of existing) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.sortOrder + 1));

    let created = 0;
    let skipped = 0;
    const events: NewAuditEvent[] = [];
    for (const key of uniqueKeys) {
      const template = CODEBOOK_TEMPLATES[key];
      const group =
        (await findCodeGroupByName(tx, input.projectId, template.group.name)) ??
        (await insertCodeGroup(tx, { projectId: input.projectId, ...template.group }));

      const memberIds: string[] = [];
      for (const { code, parentShortName } of walkTemplateCodes(template.codes)) {
        const known = idByKey.get(shortNameKey(code.shortName));
        if (known) {
          skipped++;
          memberIds.push(known);
          continue;
        }
        const parentId = parentShortName === null ? null : (idByKey.get(shortNameKey(parentShortName)) ?? null);
        const sortOrder = nextOrder.get(parentId) ?? 0;
        nextOrder.set(parentId, sortOrder + 1);
        const row = await insertCode(tx, {
          projectId: input.projectId,
          parentId,
          ...codeColumnsOf(code),
          template: key,
          sortOrder,
        });
        idByKey.set(shortNameKey(row.shortName), row.id);
        memberIds.push(row.id);
        created++;
        events.push(codeEvent(actorOf(by), "created", row));
      }

      const already = new Set((await listMembershipsOfGroup(tx, group.id)).map((m) => m.codeId));
      await insertMemberships(
        tx,
        [...new Set(memberIds)].filter((id) => !already.has(id)).map((codeId) => ({ groupId: group.id, codeId })),
      );
    }
    if (!by.startingCodebook) await insertAuditEvents(tx, events);
    return { created, skipped };
  });
}
