import type { AnchorStatus } from "./types";

/** How a coding whose anchor moved is flagged (margin bar label and tooltip). */
export const ANCHOR_FLAG: Record<Exclude<AnchorStatus, "ok">, string> = {
  orphaned: "⚠ 锚点丢失 orphaned",
  relocated: "↻ 已重新定位 relocated",
};
