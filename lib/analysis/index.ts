export * from "./scope";
export * from "./frequencies";
export * from "./cooccurrence";
export * from "./passages";
export * from "./schemas";
export * from "./csv";
export * from "./variables";
export * from "./words";
