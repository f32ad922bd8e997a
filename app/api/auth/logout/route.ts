import { revokeSession } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { handle, ok } from "../../_shared";
import { requestCookies, requireUser, sessionCookie, sessionToken } from "../../_auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/auth/logout → { signedOut: true }; the session ends on the server and the cookie is cleared. */
export async function POST(req: Request) {
  return handle(async () => {
    await requireUser(req);
    const token = sessionToken(requestCookies(req));
    if (token) await revokeSession(getDb(), token);
    const res = ok({ signedOut: true });
    res.headers.append("set-cookie", sessionCookie(req, "", null));
    return res;
  });
}
