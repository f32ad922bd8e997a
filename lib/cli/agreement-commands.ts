import type { Command } from "commander";
import { getAgreementReport, type AgreementReportView, type Figures } from "../agreement/agreement-report";
import { loadConsensusCodings } from "../agreement/consensus";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { AGREEMENT_MESSAGES, type AgreementMessages } from "./agreement-messages";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

const list = (v?: string) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

/** A coefficient to three decimals, "—" when undefined. */
const num = (v: number | null) => (v === null ? "—" : v.toFixed(3));
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ""))));
  return rows.map((r) => r.map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - width(cell))).join("  ").trimEnd()).join("\n");
}

/** The report as people read it: one row per code and the overall row, then the disagreements. */
export function agreementText(r: AgreementReportView, m: AgreementMessages): string {
  const names = r.coders.map((c) => c.name);
  const lines = [m.heading(names, r.documents.length)];
  if (r.documentsLeftOut.length) lines.push(m.leftOut(r.documentsLeftOut.length));
  if (r.overall.units === 0) return [...lines, m.none].join("\n");
  const pairs = r.overall.pairs.map((p) => `${p.coderA}–${p.coderB}`);
  const header = [
    m.columns.code,
    m.columns.units,
    m.columns.coded,
    m.columns.percent,
    ...pairs.map((p) => `${m.columns.kappa} ${p}`),
    m.columns.fleiss,
    m.columns.alpha,
    ...pairs.map((p) => `${m.columns.chars} ${p}`),
  ];
  const row = (label: string, f: Figures) => [
    label,
    String(f.units),
    String(f.codedUnits),
    pct(f.percentAgreement),
    ...f.pairs.map((p) => num(p.cohenKappa)),
    num(f.fleissKappa),
    num(f.krippendorffAlpha),
    ...f.pairs.map((p) => pct(p.characters.value)),
  ];
  lines.push("", table([header, ...r.perCode.map((c) => row(c.code.shortName, c)), row(m.overall, r.overall)]));
  const d = r.disagreements;
  if (d.total > 0) {
    lines.push("", m.disagreements(d.total, d.undecided, d.passages.length));
    for (const p of d.passages) {
      lines.push(`  ${p.documentTitle} #${p.ordinal + 1} [${p.start}–${p.end}] ${p.text}`);
      for (const x of p.disputed) lines.push(`    ${m.codedBy(x.shortName, x.coded, x.notCoded)}${x.decision ? ` · ${m.decided(x.decision.accepted)}` : ""}`);
    }
  }
  return lines.join("\n");
}

export function registerAgreementCommands(program: Command, locale: Locale) {
  const base = CLI_MESSAGES[locale];
  const m = AGREEMENT_MESSAGES[locale];
  program
    .command("agreement")
    .description(m.description)
    .requiredOption("--project <name>", base.project)
    .requiredOption("--coders <names>", m.coders)
    .option("--codes <codes>", m.codes)
    .option("--documents <ids>", m.documents)
    .option("--limit <n>", m.limit, "200")
    .option("--consensus", m.consensus)
    .option("--json", base.json)
    .action(async (o: { project: string; coders: string; codes?: string; documents?: string; limit: string; consensus?: boolean; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 0) {
        throw new AppError("invalid_input", { en: `--limit must be an integer, not “${o.limit}”`, zh: `--limit 必须是整数，而不是“${o.limit}”` });
      }
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const request = { coders: list(o.coders) ?? [], codes: list(o.codes), documents: list(o.documents) };
      if (o.consensus) {
        const consensus = await loadConsensusCodings(db, project.id, request);
        const shortName = new Map(consensus.codes.map((c) => [c.id, c.shortName]));
        emit(!!o.json, consensus, () =>
          [
            ...consensus.codings.map((c) => m.consensusLine({ ...c, document: c.documentId, code: shortName.get(c.codeId) ?? c.codeId })),
            m.consensusSummary(consensus.codings.length, consensus.pending.length),
          ].join("\n"),
        );
        return;
      }
      const report = await getAgreementReport(db, project.id, { ...request, limit });
      emit(!!o.json, report, () => agreementText(report, m));
    });
}
