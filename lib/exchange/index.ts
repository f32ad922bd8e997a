/** Exchange: exports of coded corpora (CSV, XLSX, JSON, code × unit matrix) and REFI-QDA. */
export * from "./export";
export * from "./guid";
export * from "./refi";
export * from "./snapshot";
export * from "./tabular";
export { buildProjectJson, JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "./json";
export { buildXlsx } from "./xlsx";
