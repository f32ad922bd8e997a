import { z } from "zod";
import {
  findUsersByNames,
  listProjectCoders,
  listAgreementCodes,
  listAgreementCodings,
  listAgreementDocuments,
  listCoderDocumentPresence,
  listSentenceUnitsOfDocuments,
  type AgreementCodeRow,
  type AgreementCodingRow,
  type AgreementUnitRow,
} from "../db/agreement";
import { projectExists, type DbClient } from "../db/shared";
import { AppError } from "../errors";
import { zodText } from "../i18n/text";
import { parseInput } from "../parse-input";
import { groupBy } from "./group-by";

/**
 * What an agreement report is asked for: two or more coders by name, and optionally the
 * documents (ids) and codes (short names or ids) to compare on.
 */
export const agreementRequestSchema = z.object({
  coders: z
    .array(z.string().trim().min(1))
    .transform((names) => [...new Set(names)])
    .pipe(z.array(z.string()).min(2, zodText("choose at least two coders", "请至少选择两位编码者"))),
  codes: z.array(z.string().trim().min(1)).optional(),
  documents: z.array(z.string().trim().min(1)).optional(),
});
export type AgreementRequest = z.input<typeof agreementRequestSchema>;

const commaList = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
  .optional();

/** The same request as URL query parameters: `?coders=a,b&codes=COE-1,CON-1&documents=…&limit=200`. */
export const agreementQuerySchema = z.object({
  coders: commaList.transform((v) => v ?? []),
  codes: commaList,
  documents: commaList,
  limit: z.coerce.number().int().min(0).max(5000).optional(),
});

export type AgreementCoder = { id: string; name: string };
export type AgreementCodeRef = Omit<AgreementCodeRow, "parentId" | "sortOrder">;
/** A document in scope and the coders present on it (who coded anything in it, with any code). */
export type AgreementDocument = { id: string; title: string; coders: string[] };

export type AgreementInput = {
  projectId: string;
  coders: AgreementCoder[];
  codes: AgreementCodeRef[];
  /** Documents of the request with at least two of the coders present: the only ones that can be compared. */
  documents: AgreementDocument[];
  /** Chosen documents where fewer than two coders are present (left out). */
  documentsLeftOut: AgreementDocument[];
  units: AgreementUnitRow[];
  codings: AgreementCodingRow[];
  documentsByCoder: Map<string, Set<string>>;
};

/** Codes in codebook order (depth-first, siblings by sortOrder). */
function treeOrder(codes: AgreementCodeRow[]): AgreementCodeRow[] {
  const children = new Map<string | null, AgreementCodeRow[]>();
  for (const c of codes) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const out: AgreementCodeRow[] = [];
  const walk = (parentId: string | null) => {
    for (const c of children.get(parentId) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/**
 * A code named by id or short name (exact, then case-insensitive when that is unambiguous),
 * with its whole subtree: `--codes COE` compares COE and each of its sub-codes, each on its own
 * codings. A unit counts as coded with X only through codings with X itself (the rule),
 * so a parent is not credited with its children's codings: two coders who chose different
 * sub-codes disagree on both sub-codes rather than agree on the parent.
 */
function resolveCodes(all: AgreementCodeRow[], refs: readonly string[]): Set<string> {
  const selected = new Set<string>();
  const childrenOf = groupBy(all, (c) => c.parentId);
  const addSubtree = (id: string) => {
    selected.add(id);
    for (const child of childrenOf.get(id) ?? []) addSubtree(child.id);
  };
  for (const ref of refs) {
    const exact = all.find((c) => c.id === ref || c.shortName === ref);
    const loose = all.filter((c) => c.shortName.toLowerCase() === ref.toLowerCase());
    const code = exact ?? (loose.length === 1 ? loose[0] : undefined);
    if (!code) throw new AppError("not_found", { en: `no code “${ref}” in this project`, zh: `本项目中没有编码“${ref}”` });
    addSubtree(code.id);
  }
  return selected;
}

/**
 * Loads what an agreement report is computed from. A coder is present on a document when
 * they coded anything in it (with any code, not only the compared ones); a coder absent from
 * a document is *missing* for its units. Documents with fewer than two coders present carry no
 * comparison and are left out before their units are read. Codes default to those any of the
 * coders used in the documents (a code nobody applied has only "not coded" values: no
 * information, and pooled into the overall figure it would inflate agreement).
 */
export async function loadAgreementInput(db: DbClient, projectId: string, request: AgreementRequest): Promise<AgreementInput> {
  const req = parseInput(agreementRequestSchema, request);
  if (!(await projectExists(db, projectId))) throw new AppError("not_found", { en: `no project with id ${projectId}`, zh: "项目不存在" });
  const users = await findUsersByNames(db, req.coders);
  const coders = req.coders.map((name) => {
    const user = users.find((u) => u.name === name);
    if (!user) throw new AppError("not_found", { en: `no coder named “${name}”`, zh: `没有名为“${name}”的编码者` });
    return user;
  });

  const [allCodes, allDocuments] = await Promise.all([listAgreementCodes(db, projectId), listAgreementDocuments(db, projectId)]);
  let chosenDocuments = allDocuments;
  if (req.documents) {
    const wanted = new Set(req.documents);
    chosenDocuments = allDocuments.filter((d) => wanted.has(d.id));
    const missing = req.documents.filter((id) => !chosenDocuments.some((d) => d.id === id));
    if (missing.length > 0) {
      throw new AppError("not_found", { en: `no document “${missing[0]}” in this project`, zh: `本项目中没有文档“${missing[0]}”` });
    }
  }

  const presence = await listCoderDocumentPresence(db, {
    projectId,
    coderIds: coders.map((c) => c.id),
    documentIds: chosenDocuments.map((d) => d.id),
  });
  const documentsByCoder = new Map<string, Set<string>>(coders.map((c) => [c.id, new Set<string>()]));
  for (const p of presence) documentsByCoder.get(p.coderId)?.add(p.documentId);
  const nameOf = new Map(coders.map((c) => [c.id, c.name]));
  const withCoders = chosenDocuments.map((d) => ({
    id: d.id,
    title: d.title,
    coders: coders.filter((c) => documentsByCoder.get(c.id)?.has(d.id)).map((c) => nameOf.get(c.id) as string),
  }));
  const documents = withCoders.filter((d) => d.coders.length >= 2);
  const documentsLeftOut = withCoders.filter((d) => d.coders.length < 2);
  const documentIds = documents.map((d) => d.id);

  const selectedCodes = req.codes ? resolveCodes(allCodes, req.codes) : null;
  const codings = await listAgreementCodings(db, {
    projectId,
    coderIds: coders.map((c) => c.id),
    documentIds,
    codeIds: selectedCodes ? [...selectedCodes] : undefined,
  });
  const used = selectedCodes ?? new Set(codings.map((c) => c.codeId));
  const codes = treeOrder(allCodes)
    .filter((c) => used.has(c.id))
    .map(({ id, shortName, labelZh, labelEn, color }) => ({ id, shortName, labelZh, labelEn, color }));

  const units = await listSentenceUnitsOfDocuments(db, documentIds);
  return { projectId, coders, codes, documents, documentsLeftOut, units, codings, documentsByCoder };
}

export type AgreementChoices = {
  coders: AgreementCoder[];
  codes: (AgreementCodeRef & { depth: number })[];
  documents: { id: string; title: string }[];
};

/** What the agreement page offers to choose from: who coded in the project, its codes (tree order) and documents. */
export async function getAgreementChoices(db: DbClient, projectId: string): Promise<AgreementChoices> {
  if (!(await projectExists(db, projectId))) throw new AppError("not_found", { en: `no project with id ${projectId}`, zh: "项目不存在" });
  const [coders, codes, documents] = await Promise.all([
    listProjectCoders(db, projectId),
    listAgreementCodes(db, projectId),
    listAgreementDocuments(db, projectId),
  ]);
  const depth = new Map<string, number>();
  const ordered = treeOrder(codes);
  for (const c of ordered) depth.set(c.id, c.parentId ? (depth.get(c.parentId) ?? 0) + 1 : 0);
  return {
    coders,
    codes: ordered.map(({ id, shortName, labelZh, labelEn, color }) => ({ id, shortName, labelZh, labelEn, color, depth: depth.get(id) ?? 0 })),
    documents,
  };
}
