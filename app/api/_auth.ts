import { ensureLocalAdmin, projectOfResource, projectRole, sessionUser, type ResourceKind } from "@/lib/auth/accounts";
import { isServerMode, SESSION_COOKIE } from "@/lib/auth/mode";
import { can, type ProjectAction, type ProjectRole } from "@/lib/auth/roles";
import { CODER_COOKIE, DEFAULT_CODER, normalizeCoderName } from "@/lib/coding/coder-name";
import { blindScopeOf, refuseWhileBlind, type BlindScope } from "@/lib/coding/rounds";
import { getDb } from "@/lib/db/client";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { AppError } from "@/lib/errors";

/**
 * The one place that decides who is asking and what they may do, for every route handler
 * and page. Handlers pass their Request (the cookie is read from its headers, so a test can
 * call a handler directly); pages pass `cookies()` through `cookieReader`.
 *
 * - Team server: the session cookie names the user; none → 401 (pages go to /login).
 * - Embedded default: the local browser is the admin; the coder name it chose (cookie
 *   `juncture-coder`, "researcher" by default) attributes its codings and memos.
 * - A project the user is not a member of answers 404, as a missing one does, so that its
 *   existence does not leak; a role that does not allow the action answers 403.
 */

export type Actor = {
  /** The user's id; null for the embedded browser (its user row is made on first write). */
  id: string | null;
  /** Coder and memo-author name of whatever the actor writes. */
  name: string;
  isAdmin: boolean;
  /** True for the embedded workbench's local browser (no login). */
  local: boolean;
};

export type CookieGetter = (name: string) => string | undefined;

/** Reads one cookie from a Request's Cookie header. */
export function requestCookies(req: Request): CookieGetter {
  const header = req.headers.get("cookie") ?? "";
  return (name) => {
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return undefined;
  };
}

// One embedded admin per database, made once per process (per DATABASE_URL: tests switch it).
const embedded = globalThis as unknown as { junctureLocalAdmin?: Map<string, Promise<unknown>> };

function localCoderName(get: CookieGetter): string {
  const raw = get(CODER_COOKIE);
  if (!raw) return DEFAULT_CODER;
  try {
    return normalizeCoderName(decodeURIComponent(raw)) ?? DEFAULT_CODER;
  } catch {
    return DEFAULT_CODER;
  }
}

/** The session token of a request's cookies; a malformed one counts as none. */
export function sessionToken(get: CookieGetter): string | undefined {
  const raw = get(SESSION_COOKIE);
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Who is asking, or null for nobody signed in on a team server. */
export async function actorOf(get: CookieGetter): Promise<Actor | null> {
  if (!isServerMode()) {
    // First start of the embedded workbench: its one admin exists from then on.
    const admins = (embedded.junctureLocalAdmin ??= new Map());
    const url = resolveDatabaseUrl();
    let made = admins.get(url);
    if (!made) {
      made = ensureLocalAdmin(getDb(), DEFAULT_CODER).catch((e: unknown) => {
        admins.delete(url);
        throw e;
      });
      admins.set(url, made);
    }
    await made;
    return { id: null, name: localCoderName(get), isAdmin: true, local: true };
  }
  const token = sessionToken(get);
  const user = token ? await sessionUser(getDb(), token) : null;
  return user ? { id: user.id, name: user.name, isAdmin: user.isAdmin, local: false } : null;
}

export function unauthenticated(): AppError {
  return new AppError("unauthenticated", { en: "please sign in", zh: "请先登录" });
}

function notFound(kind: ResourceKind): AppError {
  return new AppError("not_found", { en: `no such ${kind.replace("-", " ")}`, zh: "未找到" });
}

function forbidden(): AppError {
  return new AppError("forbidden", { en: "your role in this project does not allow this", zh: "您在此项目中的角色无权执行此操作" });
}

/** The signed-in user, or 401. */
export async function requireUser(req: Request | CookieGetter): Promise<Actor> {
  const actor = await actorOf(typeof req === "function" ? req : requestCookies(req));
  if (!actor) throw unauthenticated();
  return actor;
}

export type Access = { actor: Actor; role: ProjectRole };

async function authorise(actor: Actor, projectId: string, action: ProjectAction, kind: ResourceKind): Promise<Access> {
  if (actor.isAdmin || actor.id === null) return { actor, role: "owner" };
  const role = await projectRole(getDb(), { id: actor.id, name: actor.name, isAdmin: actor.isAdmin }, projectId);
  if (!role) throw notFound(kind);
  if (!can(role, action)) throw forbidden();
  return { actor, role };
}

/** 401 anonymous, 404 not a member (or no such project), 403 role too weak; else the actor and role. */
export async function requireProject(req: Request | CookieGetter, projectId: string, action: ProjectAction): Promise<Access> {
  return authorise(await requireUser(req), projectId, action, "project");
}

/** As requireProject, for an actor already known (a route that reads the project from its body). */
export function requireProjectAs(actor: Actor, projectId: string, action: ProjectAction): Promise<Access> {
  return authorise(actor, projectId, action, "project");
}

/** As requireResource, for an actor already known. */
export async function requireResourceAs(actor: Actor, kind: ResourceKind, id: string, action: ProjectAction): Promise<Access> {
  if (actor.isAdmin) return { actor, role: "owner" };
  const projectId = await projectOfResource(getDb(), kind, id);
  if (!projectId) throw notFound(kind);
  return authorise(actor, projectId, action, kind);
}

/**
 * As requireProject, for a route keyed by a resource's id: the resource's project decides.
 * A missing resource is a 404 for members and admins alike (the route's own lookup says so).
 */
export async function requireResource(
  req: Request | CookieGetter,
  kind: ResourceKind,
  id: string,
  action: ProjectAction,
): Promise<Access & { projectId: string | null }> {
  const actor = await requireUser(req);
  if (actor.isAdmin) return { actor, role: "owner", projectId: null };
  const projectId = await projectOfResource(getDb(), kind, id);
  if (!projectId) throw notFound(kind);
  return { ...(await authorise(actor, projectId, action, kind)), projectId };
}

/**
 * The codings an open blind round hides from this actor in a project (none for anyone who is
 * not one of its coders); every route that reads or counts codings passes it on.
 */
export function blindScopeFor(actor: Actor, projectId: string): Promise<BlindScope> {
  return blindScopeOf(getDb(), projectId, actor.name);
}

/** 403 for a coder of an open blind round (agreement, consensus and exports show everyone's codings). */
export async function requireUnblinded(actor: Actor, projectId: string): Promise<void> {
  refuseWhileBlind(await blindScopeFor(actor, projectId));
}

/** The session cookie's attributes: httpOnly, SameSite=Lax, Secure when the request came over https. */
export function sessionCookie(req: Request, token: string, expiresAt: Date | null): string {
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const parts = [
    `${SESSION_COOKIE}=${expiresAt ? encodeURIComponent(token) : ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    expiresAt ? `Expires=${expiresAt.toUTCString()}` : "Max-Age=0",
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
