import type { Db } from "../db/client";
import { listCodeGroupsWithMembers } from "../db/codes";
import type { CodeGroupInfo } from "./types";

/** The project's code groups (in creation order) with their member code ids. */
export async function listCodeGroups(db: Db, projectId: string): Promise<CodeGroupInfo[]> {
  const groups = await listCodeGroupsWithMembers(db, projectId);
  return groups.map((g) => ({
    id: g.id,
    projectId: g.projectId,
    name: g.name,
    labelZh: g.labelZh,
    codeIds: g.members.map((m) => m.codeId),
  }));
}
