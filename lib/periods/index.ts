/** Periods: stages and critical junctures per document grouping, timelines, change points, periods files. */
export * from "./change-points";
export * from "./period-dates";
export * from "./periods";
export * from "./periods-file";
export * from "./schemas";
export * from "./timeline";
export * from "./validate-periods";
export * from "./groupings";
export * from "./comparison-figure";
