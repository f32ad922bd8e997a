/** Intercoder agreement: the coefficients (pure) and their computation from units and codings. */
export * from "./ratings";
export * from "./percent-agreement";
export * from "./cohen-kappa";
export * from "./fleiss-kappa";
export * from "./krippendorff-alpha";
export * from "./unit-ratings";
export * from "./character-overlap";
export * from "./compute-agreement";
