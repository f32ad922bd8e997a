import { z } from "zod";
import { createSession, verifyLogin } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { zodText } from "@/lib/i18n/text";
import { handle, ok, parseJson } from "../../_shared";
import { sessionCookie } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  name: z.string().min(1, zodText("enter your user name", "请输入用户名")).max(200),
  password: z.string().min(1, zodText("enter your password", "请输入密码")).max(1000),
});

/**
 * The client for throttling: the address the nearest proxy appended to X-Forwarded-For (the
 * entries before it are whatever the client sent). Without a proxy, one key for all: the
 * per-name throttle still holds (see README, team server).
 */
function clientOf(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || req.headers.get("x-real-ip") || "direct";
}

/**
 * POST /api/auth/login { name, password } → { user: { name, isAdmin } } and the session cookie
 * | 401 wrong name or password | 429 too many failures (5 per 15 minutes per name and per client).
 * Open to anyone: it is how one signs in.
 */
export async function POST(req: Request) {
  return handle(async () => {
    const { name, password } = await parseJson(req, bodySchema);
    const db = getDb();
    const user = await verifyLogin(db, { name, password, client: clientOf(req) });
    const session = await createSession(db, user.id);
    const res = ok({ user: { name: user.name, isAdmin: user.isAdmin } });
    res.headers.append("set-cookie", sessionCookie(req, session.token, session.expiresAt));
    return res;
  });
}
