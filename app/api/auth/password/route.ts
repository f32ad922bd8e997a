import { z } from "zod";
import { changeOwnPassword } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { zodText } from "@/lib/i18n/text";
import { handle, ok, parseJson } from "../../_shared";
import { requestCookies, requireUser, sessionToken } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  currentPassword: z.string().min(1, zodText("enter your current password", "请输入当前密码")).max(1000),
  newPassword: z.string().max(1000),
});

/** POST /api/auth/password { currentPassword, newPassword } → { changed: true }; the user's other sessions end. */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireUser(req);
    const { currentPassword, newPassword } = await parseJson(req, bodySchema);
    if (!actor.id) {
      throw new AppError("invalid_input", { en: "the embedded workbench has no passwords", zh: "本地模式无需密码" });
    }
    await changeOwnPassword(getDb(), {
      userId: actor.id,
      currentPassword,
      newPassword,
      keepSessionToken: sessionToken(requestCookies(req)),
    });
    return ok({ changed: true });
  });
}
