/** Accounts and access: password hashing, session tokens, roles, login throttling, CSRF rules. */
export * from "./passwords";
export * from "./session-tokens";
export * from "./roles";
export * from "./login-throttle";
export * from "./csrf";
