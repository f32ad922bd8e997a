export { ensureUser } from "./ensure-user";
export { createCoding, type CreateCodingOptions } from "./create-coding";
export { updateCoding } from "./update-coding";
export { deleteCoding } from "./delete-coding";
export { codeUnits, type CodeUnitsResult } from "./code-units";
export { documentCodingsSince, listDocumentCodings } from "./list-document-codings";
export {
  verifyCodingAnchors,
  type AnchorInput,
  type AnchorResult,
  type AnchorStatus,
} from "./verify-coding-anchors";
export { getReaderCodings, getReaderData, getReaderText, type ReaderCodings, type ReaderData, type ReaderText, type ReaderCoding, type ReaderCodeCount } from "./get-reader-data";
export {
  createMemo,
  updateMemo,
  deleteMemo,
  listMemos,
  cellKeyOf,
  parseCellKey,
  resolveMemos,
  type MemoView,
  type ResolvedLink,
  type ResolvedMemo,
  type ResolvedPassage,
} from "./memos";
export { CONTEXT_CODE_POINTS } from "./validate-span";
export * from "./schemas";
export type { CodingView } from "../db/codings";
export {
  openRound,
  closeRound,
  listRounds,
  getRound,
  findRound,
  blindScopeOf,
  blindCoderOn,
  refuseWhileBlind,
  visibleCodingWhere,
  visibleCodingSql,
  openRoundSchema,
  type BlindScope,
  type RoundRow,
  type OpenRoundInput,
} from "./rounds";
