import type { CodeFields } from "@/lib/codebook/schemas";
import type { CodeGroupInfo, CodeNode } from "@/lib/codebook/types";

export type { CodeGroupInfo, CodeNode };

/** GET /api/projects/:projectId/codes */
export type CodebookResponse = { codebook: CodeNode[]; groups: CodeGroupInfo[] };

/** A built-in codebook as offered by "Add template…". */
export type TemplateInfo = {
  key: string;
  labelZh: string;
  labelEn: string;
  groupName: string;
  /** Short names of the template's codes (to tell which are already in the codebook). */
  shortNames: string[];
};

export type DeletionImpact = { codings: number; descendants: number; descendantCodings: number };

export type MergeResult = { movedCodings: number; droppedDuplicates: number; movedChildren: number };

/** What the create / edit form sends (create adds parentId; edit adds expectedVersion): the code's fields. */
export type CodeFormValues = CodeFields;

/** The form's values for an existing code: exactly its fields, nothing else. */
export function codeFormValuesOf(code: CodeNode): CodeFormValues {
  const { shortName, labelZh, labelEn, definition, inclusion, exclusion, example, color, keywords } = code;
  return { shortName, labelZh, labelEn, definition, inclusion, exclusion, example, color, keywords };
}

export const PALETTE = [
  "#4f7cac",
  "#2f7d91",
  "#3a8a5c",
  "#8a9a2b",
  "#c7922b",
  "#c0652d",
  "#b0413e",
  "#a33d7a",
  "#6b4fa3",
  "#5b6470",
] as const;
