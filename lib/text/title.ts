/**
 * The one rule that turns a name into a document title, for file names and HTML
 * <title>s alike: parts separated by "_", "|", "｜" or a spaced dash are joined with
 * spaces ("2026_上海市_政府工作报告" → "2026 上海市 政府工作报告"), and trailing parts
 * that name the publishing site ("通知_某某区人民政府", "…_政策文件_XX市人民政府") are
 * dropped, as long as something is left.
 */
const SITE_PART = /(人民政府|政府网|门户网站|官方网站|网站|政策文件|信息公开|首页)$/u;

export function titleFromName(name: string): string {
  const parts = name
    .split(/\s*(?:[_|｜]+|\s[-–—]\s)\s*/u)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
  while (parts.length > 1 && SITE_PART.test(parts[parts.length - 1] ?? "")) parts.pop();
  return parts.join(" ");
}
