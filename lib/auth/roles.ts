/**
 * Per-project roles and what each may do. One table, so a route asks `can(role, action)`
 * instead of comparing role names, and a new action is decided in one place.
 */
export const PROJECT_ROLES = ["owner", "coder", "viewer"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PROJECT_ACTIONS = [
  "read", // documents, codings, memos, search, analyses, exports
  "code", // create/change/delete codings, memos, suggestion decisions
  "edit-codebook", // codes, code groups, templates
  "import", // add, edit and delete documents
  "manage", // members, rounds, project settings, deleting the project
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

const ALLOWED: Record<ProjectRole, ReadonlySet<ProjectAction>> = {
  owner: new Set(PROJECT_ACTIONS),
  coder: new Set<ProjectAction>(["read", "code", "edit-codebook", "import"]),
  viewer: new Set<ProjectAction>(["read"]),
};

export function can(role: ProjectRole | null | undefined, action: ProjectAction): boolean {
  return role ? ALLOWED[role].has(action) : false;
}

export function isProjectRole(value: string): value is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(value);
}

/**
 * Why a change of memberships would leave a project without an owner, or null when it keeps one.
 * `owners` are the project's current owner user ids; `change` removes or demotes one user.
 */
export function lastOwnerProblem(owners: readonly string[], change: { userId: string; newRole: ProjectRole | null }): string | null {
  if (!owners.includes(change.userId) || change.newRole === "owner") return null;
  return owners.length <= 1 ? "a project must keep at least one owner" : null;
}
