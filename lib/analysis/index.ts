export * from "./scope";
export * from "./frequencies";
export * from "./cooccurrence";
export * from "./passages";
