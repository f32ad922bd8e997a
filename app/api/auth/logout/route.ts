import { revokeSession } from "@/lib/auth/accounts";
import { SESSION_COOKIE } from "@/lib/auth/mode";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../_shared";
import { requestCookies, requireUser, sessionCookie } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/auth/logout → { signedOut: true }; the session ends on the server and the cookie is cleared. */
export async function POST(req: Request) {
  return handle(async () => {
    await requireUser(req);
    const token = requestCookies(req)(SESSION_COOKIE);
    if (token) await revokeSession(getDb(), decodeURIComponent(token));
    const res = ok({ signedOut: true });
    res.headers.append("set-cookie", sessionCookie(req, "", null));
    return res;
  });
}
