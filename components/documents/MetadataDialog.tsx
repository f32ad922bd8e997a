"use client";

import { RotateCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { documentMetadataPatchSchema, type DocumentMetadata } from "@/lib/corpus/metadata";
import { PROVINCES } from "@/lib/corpus/reference";
import { apiJson, failureMessage, isConflict } from "@/components/api/client";
import { localizeText } from "@/lib/i18n/text";
import { Button, ErrorNote, Field, inputClass, Modal } from "@/components/shell/ui";
import { DocTypeSelect, LevelSelect, RegionSelect } from "./selects";
import type { DocumentRow } from "./types";

type MetaKey = keyof DocumentMetadata;
const KEYS: MetaKey[] = ["title", "region", "province", "city", "issuer", "level", "docType", "year", "date", "language", "sourceRef"];

/** Form state: every field as the string an input holds. */
type FormValues = Record<MetaKey, string>;

type Base = { version: number; values: FormValues };

function toForm(d: Pick<DocumentRow, MetaKey>): FormValues {
  return {
    title: d.title,
    region: d.region,
    province: d.province,
    city: d.city,
    issuer: d.issuer,
    level: d.level,
    docType: d.docType,
    year: d.year === null ? "" : String(d.year),
    date: d.date ?? "",
    language: d.language,
    sourceRef: d.sourceRef,
  };
}

/** The fields the user changed relative to what they loaded, typed for the API. */
function changedFields(values: FormValues, base: FormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of KEYS) {
    if (values[k].trim() === base[k].trim()) continue;
    if (k === "year") patch.year = values.year.trim() === "" ? null : Number(values.year);
    else if (k === "date") patch.date = values.date.trim() === "" ? null : values.date.trim();
    else patch[k] = values[k].trim();
  }
  return patch;
}

/**
 * Metadata editor for one document. It sends only the changed fields with the
 * version it loaded; when someone else saved in between, the server answers 409
 * and the user's input stays in the form. "Reload" fetches the latest version,
 * takes over the other person's changes to fields the user did not touch, and
 * shows their value next to fields both changed, so nothing is silently lost.
 */
export function MetadataDialog({
  document,
  onClose,
  onSaved,
}: {
  document: DocumentRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations("metadata");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [base, setBase] = useState<Base>(() => ({ version: document.version, values: toForm(document) }));
  const [values, setValues] = useState<FormValues>(() => toForm(document));
  const [theirs, setTheirs] = useState<Partial<FormValues>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const set = (k: MetaKey) => (v: string) => setValues((prev) => ({ ...prev, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const patch = changedFields(values, base.values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const parsed = documentMetadataPatchSchema.safeParse(patch);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${localizeText(i.message, locale)}`).join("; "));
      return;
    }
    setBusy(true);
    try {
      await apiJson(`/api/documents/${encodeURIComponent(document.id)}`, {
        method: "PATCH",
        body: { version: base.version, ...parsed.data },
      });
      onSaved();
    } catch (e) {
      if (isConflict(e)) setConflict(failureMessage(e));
      else setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setBusy(true);
    setError(null);
    try {
      const { document: latest } = await apiJson<{ document: DocumentRow }>(
        `/api/documents/${encodeURIComponent(document.id)}`,
      );
      const latestValues = toForm(latest);
      const mine = changedFields(values, base.values);
      const merged = { ...latestValues };
      const clash: Partial<FormValues> = {};
      for (const k of KEYS) {
        if (!(k in mine)) continue;
        merged[k] = values[k];
        if (latestValues[k].trim() !== base.values[k].trim()) clash[k] = latestValues[k];
      }
      setBase({ version: latest.version, values: latestValues });
      setValues(merged);
      setTheirs(clash);
      setConflict(null);
      setNotice(t("reloaded", { version: latest.version }));
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const hint = (k: MetaKey) =>
    theirs[k] !== undefined ? (
      <span className="text-amber-700">
        {t("theirValue")} <b>{theirs[k] === "" ? t("emptyValue") : theirs[k]}</b>
      </span>
    ) : undefined;

  return (
    <Modal
      open
      onOpenChange={(o) => {
        if (!o && !busy) onClose();
      }}
      title={t("title")}
      description={`${document.originalFilename || document.title} · v${base.version}`}
      width="max-w-2xl"
    >
      <form onSubmit={save} className="flex flex-col gap-3" data-testid="metadata-form">
        <div className="grid grid-cols-2 gap-x-3 gap-y-2.5">
          <Field label={t("fields.title")} htmlFor="md-title" className="col-span-2" hint={hint("title")}>
            <input id="md-title" className={inputClass} value={values.title} onChange={(e) => set("title")(e.target.value)} required maxLength={500} />
          </Field>
          <Field label={t("fields.region")} htmlFor="md-region" hint={hint("region")}>
            <RegionSelect id="md-region" value={values.region} onChange={set("region")} />
          </Field>
          <Field label={t("fields.level")} htmlFor="md-level" hint={hint("level")}>
            <LevelSelect id="md-level" value={values.level} onChange={set("level")} />
          </Field>
          <Field label={t("fields.province")} htmlFor="md-province" hint={hint("province")}>
            <input id="md-province" list="md-province-names" className={inputClass} value={values.province} onChange={(e) => set("province")(e.target.value)} maxLength={50} />
            <datalist id="md-province-names">
              {PROVINCES.map((p) => (
                <option key={p.name} value={p.name} />
              ))}
            </datalist>
          </Field>
          <Field label={t("fields.city")} htmlFor="md-city" hint={hint("city")}>
            <input id="md-city" className={inputClass} value={values.city} onChange={(e) => set("city")(e.target.value)} maxLength={50} />
          </Field>
          <Field label={t("fields.issuer")} htmlFor="md-issuer" className="col-span-2" hint={hint("issuer")}>
            <input id="md-issuer" className={inputClass} value={values.issuer} onChange={(e) => set("issuer")(e.target.value)} maxLength={200} placeholder={t("issuerPlaceholder")} />
          </Field>
          <Field label={t("fields.docType")} htmlFor="md-type" hint={hint("docType")}>
            <DocTypeSelect id="md-type" value={values.docType} onChange={set("docType")} />
          </Field>
          <Field label={t("fields.language")} htmlFor="md-language" hint={hint("language")}>
            <input id="md-language" className={inputClass} value={values.language} onChange={(e) => set("language")(e.target.value)} maxLength={20} />
          </Field>
          <Field label={t("fields.year")} htmlFor="md-year" hint={hint("year")}>
            <input id="md-year" type="number" min={1900} max={2100} className={inputClass} value={values.year} onChange={(e) => set("year")(e.target.value)} />
          </Field>
          <Field label={t("fields.date")} htmlFor="md-date" hint={hint("date")}>
            <input id="md-date" type="date" className={inputClass} value={values.date} onChange={(e) => set("date")(e.target.value)} />
          </Field>
          <Field label={t("fields.sourceRef")} htmlFor="md-source" className="col-span-2" hint={hint("sourceRef")}>
            <input id="md-source" className={inputClass} value={values.sourceRef} onChange={(e) => set("sourceRef")(e.target.value)} maxLength={2000} />
          </Field>
        </div>

        {conflict ? (
          <div role="alert" className="flex items-start justify-between gap-3 rounded border border-amber-300 bg-amber-50 px-2.5 py-2 text-xs text-amber-900" data-testid="metadata-conflict">
            <p>
              <b>{t("conflict")}</b>
              <br />
              {conflict}
            </p>
            <Button size="sm" onClick={reload} disabled={busy}>
              <RotateCw size={12} /> {t("reload")}
            </Button>
          </div>
        ) : null}
        {notice ? <p className="rounded border border-sky-200 bg-sky-50 px-2.5 py-1.5 text-xs text-sky-900">{notice}</p> : null}
        <ErrorNote>{error}</ErrorNote>

        <div className="flex justify-end gap-2 border-t border-stone-100 pt-3">
          <Button onClick={onClose} disabled={busy}>
            {tc("cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={busy || conflict !== null}>
            {busy ? tc("saving") : tc("save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
