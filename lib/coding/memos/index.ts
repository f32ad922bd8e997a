export { createMemo } from "./create-memo";
export { updateMemo } from "./update-memo";
export { deleteMemo } from "./delete-memo";
export { listMemos } from "./list-memos";
export {
  resolveMemos,
  PASSAGE_QUOTE_MAX,
  type ResolvedLink,
  type ResolvedMemo,
  type ResolvedPassage,
  type ResolvedTarget,
} from "./resolve-memos";
export type { MemoView } from "./memo-view";
export { cellKeyOf, parseCellKey, type CellRef } from "./cell-key";
