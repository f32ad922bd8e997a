/** Public API of the codebook context: codes, code groups and built-in templates. */
export { addCodesToGroup } from "./add-codes-to-group";
export { createCode } from "./create-code";
export { createCodeGroup } from "./create-code-group";
export { deleteCode, type DeleteCodeResult } from "./delete-code";
export { deleteCodeGroup } from "./delete-code-group";
export { describeCodeDeletion, type CodeDeletionImpact } from "./describe-code-deletion";
export { findCodeByShortName } from "./find-code-by-short-name";
export { flattenCodebook } from "./flatten-codebook";
export { getCode } from "./get-code";
export { getCodebook } from "./get-codebook";
export { listCodeGroups } from "./list-code-groups";
export { mergeCodes, type MergeCodesResult } from "./merge-codes";
export { moveCode } from "./move-code";
export { removeCodeFromGroup } from "./remove-code-from-group";
export { searchCodes } from "./search-codes";
export { updateCode } from "./update-code";
export { mergeKeywords, normalizeKeywords, parseKeywords } from "./keywords";
export {
  CODE_TEXT_FIELDS,
  codeFieldsSchema,
  codePatchSchema,
  colorSchema,
  createCodeGroupSchema,
  createCodeSchema,
  deleteCodeSchema,
  keywordsSchema,
  mergeCodesSchema,
  moveCodeSchema,
  shortNameSchema,
  updateCodeSchema,
  type CodeFields,
  type CodePatch,
  type CreateCodeGroupInput,
  type CreateCodeInput,
  type DeleteCodeOptions,
  type MergeCodesInput,
  type MoveCodeInput,
  type UpdateCodeInput,
} from "./schemas";
export * from "./templates";
export type { CodeGroupInfo, CodeNode, CodeRecord, CodeSearchField, CodeSearchHit, FlatCodeNode } from "./types";
