export * from "./projects";
export * from "./documents";
export * from "./import-document";
export * from "./import-files";
export * from "./import-report";
export * from "./metadata";
export * from "./reference";
