"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type ProjectAction, type ProjectRole } from "@/lib/auth/roles";

/**
 * The signed-in user's role in the open project, given by the project layout, so that a view
 * can leave out controls the server would refuse (`useCan("code")`). The server still decides:
 * this only spares a viewer buttons that answer 403.
 */
const RoleContext = createContext<ProjectRole | null>(null);

export function ProjectRoleProvider({ role, children }: { role: ProjectRole; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** The role in the current project; outside a project (or before accounts) an owner's. */
export function useProjectRole(): ProjectRole {
  return useContext(RoleContext) ?? "owner";
}

export function useCan(action: ProjectAction): boolean {
  return can(useProjectRole(), action);
}
