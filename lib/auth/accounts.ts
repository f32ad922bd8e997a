/**
 * Accounts, sessions and project memberships on the database. Framework-free: the web app
 * (app/api/_auth.ts), the CLI (lib/cli/account-commands.ts) and tests call the same functions.
 * A user is a `User` row: its `name` is both the coder name codings show and the login name.
 */
import type { Db } from "../db/client";
import {
  countAdmins,
  deleteMembership,
  deleteSessionByHash,
  deleteSessionsOfUser,
  findAccountById,
  findAccountByName,
  findSessionByHash,
  insertAccount,
  insertSession,
  lockProject,
  projectIdOf,
  selectAccounts,
  selectMembers,
  selectOwnerIds,
  selectProjectIdsOfUser,
  selectRole,
  touchSession,
  updateAccount,
  upsertMembership,
  type MemberRow,
  type ResourceKind,
} from "../db/accounts";
import { inTransaction, isUniqueViolation, type DbClient } from "../db/shared";
import { userNameSchema } from "../coding/user-name-schema";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { LoginThrottle } from "./login-throttle";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";
import { isProjectRole, lastOwnerProblem, type ProjectRole } from "./roles";
import { hashSessionToken, newSessionToken, SESSION_LIFETIME_MS } from "./session-tokens";

export type { MemberRow, ResourceKind };
export type SignedInUser = { id: string; name: string; isAdmin: boolean };
export type UserListing = { id: string; name: string; isAdmin: boolean; canSignIn: boolean; createdAt: Date };

const noUser = (name: string) => new AppError("not_found", { en: `no user named “${name}”`, zh: `没有名为“${name}”的用户` });

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) {
    const min = problem.includes("at least");
    throw new AppError("invalid_input", {
      en: problem,
      zh: min ? "密码至少需要 10 个字符" : "密码最多 200 个字符",
    });
  }
}

export function normalizeUserName(name: string): string {
  return parseInput(userNameSchema, name);
}

// ---- users ------------------------------------------------------------------------

/**
 * Creates an account. A name that already exists as a coder without a password (codings made
 * in the embedded workbench) becomes that account, so its codings stay with the person.
 */
export async function createUser(db: Db, input: { name: string; password: string; isAdmin?: boolean }): Promise<SignedInUser> {
  const name = normalizeUserName(input.name);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const isAdmin = input.isAdmin ?? false;
  const existing = await findAccountByName(db, name);
  if (existing?.passwordHash) {
    throw new AppError("conflict", { en: `a user named “${name}” already exists`, zh: `用户“${name}”已存在` });
  }
  try {
    const row = existing
      ? await updateAccount(db, existing.id, { passwordHash, isAdmin: existing.isAdmin || isAdmin })
      : await insertAccount(db, { name, passwordHash, isAdmin });
    return { id: row.id, name: row.name, isAdmin: row.isAdmin };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { en: `a user named “${name}” already exists`, zh: `用户“${name}”已存在` });
    throw e;
  }
}

export async function listUsers(db: DbClient): Promise<UserListing[]> {
  return (await selectAccounts(db)).map((u) => ({
    id: u.id,
    name: u.name,
    isAdmin: u.isAdmin,
    canSignIn: u.passwordHash !== null,
    createdAt: u.createdAt,
  }));
}

export async function findUserByName(db: DbClient, name: string): Promise<SignedInUser> {
  const u = await findAccountByName(db, normalizeUserName(name));
  if (!u) throw noUser(name);
  return { id: u.id, name: u.name, isAdmin: u.isAdmin };
}

export async function findUserById(db: DbClient, id: string): Promise<SignedInUser> {
  const u = await findAccountById(db, id);
  if (!u) throw new AppError("not_found", { en: "no such user", zh: "用户不存在" });
  return { id: u.id, name: u.name, isAdmin: u.isAdmin };
}

/**
 * Sets a user's password without the old one (an admin on the CLI, an owner resetting a
 * member's). Every session of that user ends: whoever knew the old password is signed out.
 */
export async function setPassword(db: Db, name: string, password: string): Promise<void> {
  checkPassword(password);
  const user = await findAccountByName(db, normalizeUserName(name));
  if (!user) throw noUser(name);
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    await updateAccount(tx, user.id, { passwordHash });
    await deleteSessionsOfUser(tx, user.id);
  });
}

/** A signed-in user changes their own password; their other sessions end. */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionToken?: string },
): Promise<void> {
  const user = await findAccountById(db, input.userId);
  if (!user) throw new AppError("not_found", { en: "no such user", zh: "用户不存在" });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", { en: "the current password is not correct", zh: "当前密码不正确" });
  }
  checkPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await updateAccount(tx, user.id, { passwordHash });
    await deleteSessionsOfUser(tx, user.id, input.keepSessionToken ? hashSessionToken(input.keepSessionToken) : undefined);
  });
}

/**
 * The embedded workbench's admin: created on first start so the local browser works with
 * no login (the embedded default has no passwords). Returns it; an existing one is kept.
 */
export async function ensureLocalAdmin(db: Db, name: string): Promise<SignedInUser> {
  const existing = await findAccountByName(db, name);
  if (existing) {
    if (!existing.isAdmin && (await countAdmins(db)) === 0) await updateAccount(db, existing.id, { isAdmin: true });
    return { id: existing.id, name: existing.name, isAdmin: true };
  }
  try {
    const row = await insertAccount(db, { name, passwordHash: null, isAdmin: true });
    return { id: row.id, name: row.name, isAdmin: true };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const again = await findAccountByName(db, name);
    if (!again) throw e;
    return { id: again.id, name: again.name, isAdmin: true };
  }
}

// ---- login and sessions -----------------------------------------------------------

/** One per process: 5 failures in 15 minutes per user name and per client address. */
const globalThrottle = globalThis as unknown as { junctureLoginThrottle?: LoginThrottle };
export function loginThrottle(): LoginThrottle {
  return (globalThrottle.junctureLoginThrottle ??= new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60 * 1000 }));
}

// Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

function throttled(ms: number): AppError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new AppError(
    "rate_limited",
    { en: `too many failed sign-ins; try again in ${minutes} min`, zh: `登录失败次数过多，请 ${minutes} 分钟后再试` },
    { retryAfterSeconds: Math.ceil(ms / 1000) },
  );
}

/**
 * Checks a name and password. Refused while the name or the client address is throttled;
 * a wrong name and a wrong password give the same answer.
 */
export async function verifyLogin(
  db: DbClient,
  input: { name: string; password: string; client?: string },
  throttle: LoginThrottle = loginThrottle(),
): Promise<SignedInUser> {
  const name = userNameSchema.safeParse(input.name).data ?? input.name;
  const keys = [`user:${name}`, ...(input.client ? [`client:${input.client}`] : [])];
  const wait = Math.max(...keys.map((k) => throttle.retryAfter(k)));
  if (wait > 0) throw throttled(wait);
  const user = await findAccountByName(db, name);
  const ok = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : (await verifyPassword(input.password, await (dummyHash ??= hashPassword("not a real password"))), false);
  if (!user || !ok) {
    for (const k of keys) throttle.recordFailure(k);
    throw new AppError("unauthenticated", { en: "wrong user name or password", zh: "用户名或密码错误" });
  }
  for (const k of keys) throttle.recordSuccess(k);
  return { id: user.id, name: user.name, isAdmin: user.isAdmin };
}

/** Starts a session; the token goes to the browser, only its hash to the database. */
export async function createSession(db: DbClient, userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(db, { tokenHash: hashSessionToken(token), userId, expiresAt, now });
  return { token, expiresAt };
}

/**
 * The user of a session token, or null when it is unknown or expired. Use extends the
 * session (written at most once a minute, so reads do not all become writes).
 */
export async function sessionUser(db: DbClient, token: string, now = new Date()): Promise<SignedInUser | null> {
  if (!token) return null;
  const s = await findSessionByHash(db, hashSessionToken(token));
  if (!s) return null;
  if (s.expiresAt.getTime() <= now.getTime()) {
    await deleteSessionByHash(db, hashSessionToken(token));
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, s.id, now, new Date(now.getTime() + SESSION_LIFETIME_MS));
  }
  return { id: s.user.id, name: s.user.name, isAdmin: s.user.isAdmin };
}

export async function revokeSession(db: DbClient, token: string): Promise<boolean> {
  return (await deleteSessionByHash(db, hashSessionToken(token))) > 0;
}

// ---- memberships and roles --------------------------------------------------------

/** The user's role in a project; admins act as owners everywhere; null for a non-member. */
export async function projectRole(db: DbClient, user: SignedInUser, projectId: string): Promise<ProjectRole | null> {
  if (user.isAdmin) return "owner";
  return selectRole(db, projectId, user.id);
}

/** The project a resource belongs to, or null when the resource does not exist. */
export function projectOfResource(db: DbClient, kind: ResourceKind, id: string): Promise<string | null> {
  return projectIdOf(db, kind, id);
}

/** Ids of the projects a user may see; null means all of them (an admin). */
export async function visibleProjectIds(db: DbClient, user: SignedInUser): Promise<Set<string> | null> {
  if (user.isAdmin) return null;
  return new Set(await selectProjectIdsOfUser(db, user.id));
}

export function listMembers(db: DbClient, projectId: string): Promise<MemberRow[]> {
  return selectMembers(db, projectId);
}

function parseRole(role: string): ProjectRole {
  if (!isProjectRole(role)) {
    throw new AppError("invalid_input", { en: `unknown role “${role}” (owner, coder or viewer)`, zh: `未知角色“${role}”（owner、coder 或 viewer）` });
  }
  return role;
}

function noProject(): AppError {
  return new AppError("not_found", { en: "no such project", zh: "项目不存在" });
}

function lastOwner(): AppError {
  return new AppError("conflict", { en: "a project must keep at least one owner", zh: "项目必须至少保留一名所有者" });
}

/** Adds a user to a project with a role, or changes their role; refuses to demote the last owner. */
export async function setMember(db: Db, input: { projectId: string; userName: string; role: string }): Promise<MemberRow> {
  const role = parseRole(input.role);
  const user = await findUserByName(db, input.userName);
  return inTransaction(db, async (tx) => {
    if (!(await lockProject(tx, input.projectId))) throw noProject();
    if (lastOwnerProblem(await selectOwnerIds(tx, input.projectId), { userId: user.id, newRole: role })) throw lastOwner();
    await upsertMembership(tx, input.projectId, user.id, role);
    return { userId: user.id, name: user.name, role };
  });
}

/** Makes the creator of a project its owner. */
export async function addOwner(db: DbClient, projectId: string, userId: string): Promise<void> {
  await upsertMembership(db, projectId, userId, "owner");
}

/** Removes a user from a project; refuses to remove the last owner. */
export async function removeMember(db: Db, input: { projectId: string; userName: string }): Promise<{ removed: boolean }> {
  const user = await findUserByName(db, input.userName);
  return inTransaction(db, async (tx) => {
    if (!(await lockProject(tx, input.projectId))) throw noProject();
    if (lastOwnerProblem(await selectOwnerIds(tx, input.projectId), { userId: user.id, newRole: null })) throw lastOwner();
    return { removed: (await deleteMembership(tx, input.projectId, user.id)) > 0 };
  });
}

/** An owner resets the password of a member of their project (not of anyone else, not of an admin). */
export async function resetMemberPassword(db: Db, input: { projectId: string; userName: string; password: string }): Promise<void> {
  const user = await findUserByName(db, input.userName);
  if (!(await selectRole(db, input.projectId, user.id))) throw noUser(input.userName);
  // An admin's password would open every project: only an admin (CLI) resets it.
  if (user.isAdmin) {
    throw new AppError("forbidden", { en: "an administrator's password can only be reset on the server (juncture users passwd)", zh: "管理员的密码只能在服务器上重置（juncture users passwd）" });
  }
  await setPassword(db, user.name, input.password);
}
