/**
 * Built-in codebook templates and `applyTemplates`. The template data itself lives in
 * template-data.ts, which imports nothing from the database, so client components can import
 * it directly; this module adds the database-backed `applyTemplates`.
 */
export * from "./template-data";
export { applyTemplates } from "./apply-templates";
