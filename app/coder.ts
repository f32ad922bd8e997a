import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { ProjectAction } from "@/lib/auth/roles";
import { actorOf, requireProject, type Access, type Actor, type CookieGetter } from "./api/_auth";

/**
 * Who is looking at a page. Pages are server components: they read the cookies through
 * next/headers and ask the same checks as the API (app/api/_auth.ts). On a team server nobody
 * signed in goes to /login; a project one is not a member of is "not found", like a missing one.
 * In the embedded workbench the local browser is the admin and its name is the coder name it
 * chose in the header (cookie `juncture-coder`, "researcher" by default).
 */

async function pageCookies(): Promise<CookieGetter> {
  const store = await cookies();
  return (name) => store.get(name)?.value;
}

/** The signed-in user (embedded: the local coder), or null on a team server with nobody signed in. */
export async function currentActor(): Promise<Actor | null> {
  return actorOf(await pageCookies());
}

/** The coder name new codings and memos carry (kept for callers from before accounts). */
export async function currentCoderName(): Promise<string> {
  return (await currentActor())?.name ?? "";
}

/** The signed-in user; nobody → /login. */
export async function requirePageUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** A page of a project: nobody → /login, not a member (or a role too weak) → not found. */
export async function requirePageProject(projectId: string, action: ProjectAction = "read"): Promise<Access> {
  try {
    return await requireProject(await pageCookies(), projectId, action);
  } catch (e) {
    if (isAppError(e) && e.code === "unauthenticated") redirect("/login");
    if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
}
