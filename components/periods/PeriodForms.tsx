"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ErrorNote, Field, inputClass, Modal, selectClass } from "@/components/shell/ui";
import { ApiFailure } from "@/components/api/client";
import type { JunctureView, StageView } from "@/lib/periods";
import { formatPeriodDate, parsePeriodDate, type PeriodDate } from "@/lib/periods/period-dates";

const JUNCTURE_TYPES = ["plan-approved", "designation", "reform", "flagship-project", "leadership-change", "other"] as const;
type JunctureType = (typeof JUNCTURE_TYPES)[number];

export type StageDraft = { nameZh: string; nameEn: string; start: PeriodDate; end: PeriodDate | null; strategies: string[] };
export type JunctureDraft = { date: PeriodDate; titleZh: string; titleEn: string; type: JunctureType; description: string };

const textareaClass = inputClass.replace("h-8", "min-h-24 py-1.5");

/** Add or edit a stage; `save` throws ApiFailure with the server's reason (overlap, order…), shown in the dialog. */
export function StageDialog({ open, stage, onClose, save }: { open: boolean; stage: StageView | null; onClose: () => void; save: (d: StageDraft) => Promise<void> }) {
  const t = useTranslations("periods");
  const [form, setForm] = useState(() => ({
    nameZh: stage?.nameZh ?? "",
    nameEn: stage?.nameEn ?? "",
    start: stage ? formatPeriodDate(stage.start) : "",
    end: stage?.end ? formatPeriodDate(stage.end) : "",
    strategies: stage?.strategies.join("\n") ?? "",
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async () => {
    const start = parsePeriodDate(form.start);
    const end = form.end.trim() ? parsePeriodDate(form.end) : null;
    if (!start) return setError(t("badDate", { value: form.start }));
    if (form.end.trim() && !end) return setError(t("badDate", { value: form.end }));
    setBusy(true);
    try {
      await save({ nameZh: form.nameZh.trim(), nameEn: form.nameEn.trim(), start, end, strategies: form.strategies.split("\n").map((s) => s.trim()).filter(Boolean) });
      onClose();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onOpenChange={(o) => (o ? undefined : onClose())} title={stage ? t("editStage") : t("addStage")}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="stage-form"
      >
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("nameZh")} htmlFor="stage-nameZh">
            <input id="stage-nameZh" className={inputClass} value={form.nameZh} onChange={set("nameZh")} maxLength={200} />
          </Field>
          <Field label={t("nameEn")} htmlFor="stage-nameEn">
            <input id="stage-nameEn" className={inputClass} value={form.nameEn} onChange={set("nameEn")} maxLength={200} />
          </Field>
          <Field label={t("start")} htmlFor="stage-start">
            <input id="stage-start" className={inputClass} value={form.start} onChange={set("start")} placeholder="2014" />
          </Field>
          <Field label={t("end")} htmlFor="stage-end">
            <input id="stage-end" className={inputClass} value={form.end} onChange={set("end")} placeholder="2017" />
          </Field>
        </div>
        <Field label={t("strategiesField")} htmlFor="stage-strategies">
          <textarea id="stage-strategies" className={textareaClass} value={form.strategies} onChange={set("strategies")} />
        </Field>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Add or edit a juncture. */
export function JunctureDialog({
  open,
  juncture,
  initial,
  onClose,
  save,
}: {
  open: boolean;
  juncture: JunctureView | null;
  initial?: Partial<JunctureDraft>;
  onClose: () => void;
  save: (d: JunctureDraft) => Promise<void>;
}) {
  const t = useTranslations("periods");
  const [form, setForm] = useState(() => ({
    date: juncture ? formatPeriodDate(juncture.date) : initial?.date ? formatPeriodDate(initial.date) : "",
    titleZh: juncture?.titleZh ?? initial?.titleZh ?? "",
    titleEn: juncture?.titleEn ?? initial?.titleEn ?? "",
    type: (juncture?.type ?? initial?.type ?? "other") as JunctureType,
    description: juncture?.description ?? initial?.description ?? "",
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async () => {
    const date = parsePeriodDate(form.date);
    if (!date) return setError(t("badDate", { value: form.date }));
    setBusy(true);
    try {
      await save({ date, titleZh: form.titleZh.trim(), titleEn: form.titleEn.trim(), type: form.type, description: form.description });
      onClose();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onOpenChange={(o) => (o ? undefined : onClose())} title={juncture ? t("editJuncture") : t("addJuncture")}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="juncture-form"
      >
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("date")} htmlFor="juncture-date">
            <input id="juncture-date" className={inputClass} value={form.date} onChange={set("date")} placeholder="2014" />
          </Field>
          <Field label={t("type")} htmlFor="juncture-type">
            <select id="juncture-type" className={selectClass} value={form.type} onChange={set("type")}>
              {JUNCTURE_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`types.${ty}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("titleZh")} htmlFor="juncture-titleZh">
            <input id="juncture-titleZh" className={inputClass} value={form.titleZh} onChange={set("titleZh")} maxLength={200} />
          </Field>
          <Field label={t("titleEn")} htmlFor="juncture-titleEn">
            <input id="juncture-titleEn" className={inputClass} value={form.titleEn} onChange={set("titleEn")} maxLength={200} />
          </Field>
        </div>
        <Field label={t("description")} htmlFor="juncture-description">
          <textarea id="juncture-description" className={textareaClass} value={form.description} onChange={set("description")} />
        </Field>
        <ErrorNote>{error}</ErrorNote>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
