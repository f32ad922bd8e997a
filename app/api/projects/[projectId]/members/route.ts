import { z } from "zod";
import { listMembers, setMember } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { zodText } from "@/lib/i18n/text";
import { created, handle, ok, parseJson } from "../../../_shared";
import { requireProject } from "../../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ projectId: string }> };

const bodySchema = z.object({
  userName: z.string().min(1, zodText("enter a user name", "请输入用户名")).max(200),
  role: z.enum(["owner", "coder", "viewer"], { error: zodText("choose a role", "请选择角色") }),
});

/** GET /api/projects/:projectId/members → { members: { userId, name, role }[] } (owners only) */
export async function GET(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    return ok({ members: await listMembers(getDb(), projectId) });
  });
}

/** POST { userName, role } → 201 { member } — adds an existing user, or changes their role (409 for the last owner) */
export async function POST(req: Request, ctx: Ctx) {
  return handle(async () => {
    const { projectId } = await ctx.params;
    await requireProject(req, projectId, "manage");
    const { userName, role } = await parseJson(req, bodySchema);
    return created({ member: await setMember(getDb(), { projectId, userName, role }) });
  });
}
