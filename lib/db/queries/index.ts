/** Every database read and write of the app, by table. Server-only; services compose them. */
export * from "./activities";
export * from "./api-tokens";
export * from "./connections";
export * from "./oauth";
export * from "./oauth-states";
export * from "./users";
export * from "./workouts";
export * from "./preferences";
export * from "./streams";
