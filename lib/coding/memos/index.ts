export { createMemo } from "./create-memo";
export { updateMemo } from "./update-memo";
export { deleteMemo } from "./delete-memo";
export { listMemos } from "./list-memos";
export type { MemoView } from "./memo-view";
