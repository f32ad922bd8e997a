"use client";

import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import type { AgreementReportView, Figures } from "./types";
import { coefficient } from "./types";

/** Per code and overall: units, % agreement, Cohen's κ per pair, Fleiss' κ, Krippendorff's α, characters per pair. */
export function FiguresTable({ report }: { report: AgreementReportView }) {
  const t = useTranslations("agreement");
  const pairs = report.overall.pairs.map((p) => `${p.coderA}–${p.coderB}`);
  const value = (v: number | null, testId?: string) => {
    const s = coefficient(v);
    return (
      <td className="px-2 py-1 text-right font-mono tabular-nums" data-testid={testId}>
        {s ?? <span className="text-stone-400" title={t("help.undefined")}>{t("undefined")}</span>}
      </td>
    );
  };
  const percent = (v: number | null) => (
    <td className="px-2 py-1 text-right font-mono tabular-nums">{v === null ? <span className="text-stone-400">—</span> : `${(v * 100).toFixed(1)}%`}</td>
  );
  const row = (key: string, label: ReactNode, f: Figures, strong = false) => (
    <tr key={key} className={strong ? "border-t-2 border-stone-300 font-semibold" : "border-t border-stone-100"} data-testid={`agreement-row-${key}`}>
      <th scope="row" className="px-2 py-1 text-left font-medium">
        {label}
      </th>
      <td className="px-2 py-1 text-right tabular-nums">{f.units}</td>
      <td className="px-2 py-1 text-right tabular-nums">{f.codedUnits}</td>
      {percent(f.percentAgreement)}
      {f.pairs.map((p) => (
        <Fragment key={`k-${p.coderA}-${p.coderB}`}>{value(p.cohenKappa, `kappa-${key}-${p.coderA}-${p.coderB}`)}</Fragment>
      ))}
      {value(f.fleissKappa)}
      {value(f.krippendorffAlpha, `alpha-${key}`)}
      {f.pairs.map((p) => (
        <Fragment key={`c-${p.coderA}-${p.coderB}`}>{percent(p.characters.value)}</Fragment>
      ))}
      <td className="px-2 py-1 text-right tabular-nums">{f.disagreements}</td>
    </tr>
  );
  return (
    <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
      <table className="min-w-full text-[13px]" data-testid="agreement-table">
        <thead className="bg-stone-50 text-[11px] text-stone-600">
          <tr>
            <th className="px-2 py-1.5 text-left font-medium">{t("columns.code")}</th>
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.units")}</th>
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.coded")}</th>
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.percent")}</th>
            {pairs.map((p) => (
              <th key={`k-${p}`} className="px-2 py-1.5 text-right font-medium">
                {t("columns.kappa", { pair: p })}
              </th>
            ))}
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.fleiss")}</th>
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.alpha")}</th>
            {pairs.map((p) => (
              <th key={`c-${p}`} className="px-2 py-1.5 text-right font-medium">
                {t("columns.chars", { pair: p })}
              </th>
            ))}
            <th className="px-2 py-1.5 text-right font-medium">{t("columns.disagreements")}</th>
          </tr>
        </thead>
        <tbody>
          {report.perCode.map((c) =>
            row(
              c.code.shortName,
              <span className="inline-flex items-center gap-1.5" title={`${c.code.labelZh} · ${c.code.labelEn}`}>
                <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: c.code.color }} aria-hidden />
                {c.code.shortName}
              </span>,
              c,
            ),
          )}
          {row("overall", t("overall"), report.overall, true)}
        </tbody>
      </table>
    </div>
  );
}
