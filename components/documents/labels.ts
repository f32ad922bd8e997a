import type { Bilingual } from "@/lib/i18n/locale";
import { DOCUMENT_TYPES, GOVERNANCE_LEVELS, MEGA_REGIONS } from "@/lib/corpus/reference";

/**
 * Display labels for stored reference codes, in both languages (the UI shows the
 * current language and offers the other as a tooltip); unknown codes are shown as stored.
 */

export function regionLabel(code: string): Bilingual {
  const r = MEGA_REGIONS.find((x) => x.code === code);
  return r ? { zh: r.zh, en: r.en } : { zh: code, en: code };
}

export function levelLabel(code: string): Bilingual {
  const l = GOVERNANCE_LEVELS.find((x) => x.code === code);
  return l ? { zh: l.zh, en: l.en } : { zh: code, en: code };
}

export function docTypeLabel(code: string): Bilingual {
  const t = DOCUMENT_TYPES.find((x) => x.code === code);
  return t ? { zh: t.zh, en: t.en } : { zh: code, en: code };
}

/** Encodings offered when the detection should be overridden (iconv-lite names); "" = auto-detect. */
export const ENCODING_CHOICES = [
  { value: "", label: null },
  { value: "utf-8", label: "UTF-8" },
  { value: "gb18030", label: "GB18030 (GBK / GB2312)" },
  { value: "gbk", label: "GBK" },
  { value: "big5", label: "Big5 (繁體)" },
  { value: "utf-16le", label: "UTF-16LE" },
  { value: "utf-16be", label: "UTF-16BE" },
] as const;

/** The importer's extensions (lib/corpus IMPORTABLE_EXTENSIONS, kept equal by tests/text/extract.test.ts). */
export const ACCEPTED_FILE_TYPES = ".txt,.text,.md,.docx,.pdf,.html,.htm,.xhtml,.doc,.wps,.rtf,.odt,.epub";
