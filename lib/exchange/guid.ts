import { createHash } from "node:crypto";

/**
 * Stable REFI-QDA GUIDs without a schema change: a name-based UUID (RFC 9562 version 5 layout)
 * built from the SHA-1 of `juncture:<kind>:<id>` under a fixed namespace. The same record gives
 * the same GUID in every export, on every machine and database; different kinds of record
 * (a coding and its selection) never collide because the kind is part of the name.
 */
const NAMESPACE = Buffer.from("6f1d2a4e8c3b4f5a9e7d0b1c2a3f4e5d", "hex");

export type GuidKind = "project" | "user" | "code" | "source" | "selection" | "coding" | "note" | "variable" | "set";

export function stableGuid(kind: GuidKind, id: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(`juncture:${kind}:${id}`, "utf8").digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC variant
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
