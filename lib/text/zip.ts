/**
 * Opening the ZIP packages of ODT and EPUB with fflate: only the entries asked for are
 * decompressed (images and fonts are never inflated), and a package that claims to
 * unpack to far more than it holds is refused before anything is inflated.
 */
import { unzipSync } from "fflate";
import { AppError } from "../errors";

/** Unpacked text parts of one document may total at most this much. */
export const MAX_UNPACKED_TEXT_BYTES = 256 * 1024 * 1024;

export type PackageLabel = "ODT" | "EPUB";

export function corruptPackage(label: PackageLabel, reason: string, reasonZh: string): AppError {
  return new AppError("unprocessable", { en: `corrupt ${label} file: ${reason}`, zh: `${label} 文件已损坏：${reasonZh}` });
}

/**
 * The entries whose names `want` accepts, decompressed, and the names of all entries.
 * Entry names are returned as stored.
 */
export function openPackage(
  bytes: Uint8Array,
  label: PackageLabel,
  want: (name: string) => boolean,
): { files: Record<string, Uint8Array>; names: string[] } {
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (!want(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED_TEXT_BYTES) {
          throw corruptPackage(label, "its text parts unpack to more than 256 MB (a ZIP bomb?)", "文本部分解压后超过 256 MB（疑似 ZIP 炸弹）");
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corruptPackage(label, `not a readable ZIP archive (${e instanceof Error ? e.message : String(e)})`, "不是可读取的 ZIP 压缩包");
  }
  return { files, names };
}

const utf8 = new TextDecoder("utf-8");

/** An XML part as text: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return utf8.decode(bytes);
}
