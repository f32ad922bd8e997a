import { z } from "zod";
import { findUserById, listMembers, removeMember, resetMemberPassword, setMember } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle, ok, parseJson } from "../../../../_shared";
import { requireProject } from "../../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string; userId: string }> };

const patchSchema = z.object({
  role: z.enum(["owner", "coder", "viewer"]).optional(),
  password: z.string().max(1000).optional(),
});

/** The member, or 404 for a user who is not in this project. */
async function memberOf(projectId: string, userId: string) {
  const db = getDb();
  const member = (await listMembers(db, projectId)).find((m) => m.userId === userId);
  if (!member) throw new AppError("not_found", { en: "no such member", zh: "该成员不存在" });
  return (await findUserById(db, member.userId)).name;
}

/** PATCH { role?, password? } → { member } — changes a member's role (409 for the last owner) or resets their password */
export async function PATCH(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId, userId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    const { role, password } = await parseJson(req, patchSchema);
    const userName = await memberOf(projectId, userId);
    const db = getDb();
    if (password !== undefined) await resetMemberPassword(db, { projectId, userName, password });
    const member = role ? await setMember(db, { projectId, userName, role }) : (await listMembers(db, projectId)).find((m) => m.userId === userId);
    return ok({ member });
  });
}

/** DELETE → { removed: true } (409 for the last owner) */
export async function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId, userId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    const userName = await memberOf(projectId, userId);
    return ok(await removeMember(getDb(), { projectId, userName }));
  });
}
