import type { DbClient } from "../../db/codings";
import {  } from "../../db/memos";
import { findCodesBrief } from "../../db/codes";
import { findDocumentsBrief } from "../../db/documents";
import { AppError } from "../../errors";
import type { MemoLink } from "../schemas";

/** Every link must point into the memo's project; a text link must be a non-empty span inside its document. */
export async function validateMemoLinks(db: DbClient, projectId: string, links: MemoLink[]): Promise<void> {
  if (links.length === 0) return;
  const codeIds = [...new Set(links.flatMap((l) => ("codeId" in l ? [l.codeId] : [])))];
  const docIds = [...new Set(links.flatMap((l) => ("documentId" in l ? [l.documentId] : [])))];
  const [codes, docs] = await Promise.all([
    codeIds.length ? findCodesBrief(db, codeIds) : [],
    docIds.length ? findDocumentsBrief(db, docIds) : [],
  ]);
  const codeProject = new Map(codes.map((c) => [c.id, c.projectId]));
  const docById = new Map(docs.map((d) => [d.id, d]));
  links.forEach((l, i) => {
    const where = `link ${i + 1}`;
    if ("codeId" in l) {
      const p = codeProject.get(l.codeId);
      if (p === undefined) throw new AppError("invalid_input", { en: `${where}: code ${l.codeId} not found`, zh: "链接的代码不存在" });
      if (p !== projectId) throw new AppError("invalid_input", { en: `${where}: the code belongs to another project`, zh: "链接的代码属于其他项目" });
      return;
    }
    const d = docById.get(l.documentId);
    if (!d) throw new AppError("invalid_input", { en: `${where}: document ${l.documentId} not found`, zh: "链接的文档不存在" });
    if (d.projectId !== projectId) {
      throw new AppError("invalid_input", { en: `${where}: the document belongs to another project`, zh: "链接的文档属于其他项目" });
    }
    if (l.start >= l.end) {
      throw new AppError("invalid_input", { en: `${where}: start (${l.start}) must be before end (${l.end})`, zh: "链接的起始位置必须小于结束位置" });
    }
    if (l.end > d.charCount) {
      throw new AppError(
        "invalid_input",
        { en: `${where}: end (${l.end}) is beyond the end of the document (${d.charCount} characters)`, zh: "链接的结束位置超出文档长度" },
      );
    }
  });
}

export function assertMemoHasContent(title: string, body: string): void {
  if (title.trim() === "" && body.trim() === "") {
    throw new AppError("invalid_input", { en: "a memo needs a title or some text", zh: "备忘录需要标题或正文" });
  }
}
