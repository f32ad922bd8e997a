import type { Db } from "../../lib/db/client";
import { cpLength } from "../../lib/text/offsets";

/** The full-width punctuation and the astral 𠮷 keep code-point offsets honest. */
export const TEXT = "推进京津冀协同发展。加快建设城际铁路，构建一小时交通圈。承接产业转移𠮷，共建园区。";

export async function seedProject(db: Db, name = "p") {
  const project = await db.project.create({ data: { name } });
  const coder = await db.user.create({ data: { name: `coder-${name}` } });
  const document = await db.document.create({
    data: { projectId: project.id, title: "规划", sha256: `sha-${name}`, plainText: TEXT, charCount: cpLength(TEXT) },
  });
  return { project, coder, document };
}

export async function addCoding(
  db: Db,
  o: { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; comment?: string },
) {
  const quote = [...TEXT].slice(o.start, o.end).join("");
  return db.coding.create({ data: { ...o, quote, comment: o.comment ?? "" } });
}
