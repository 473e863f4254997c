/**
 * The tables every query is written against. Each engine has its own drizzle schema with the same
 * tables, columns and JavaScript types (schema.test.ts holds them together); queries use these
 * names and the store hands them the engine's own tables at run time.
 */
import * as sqlite from "./sqlite";

export const tables = {
  users: sqlite.users,
  providerConnections: sqlite.providerConnections,
  oauthStates: sqlite.oauthStates,
  activities: sqlite.activities,
  workouts: sqlite.workouts,
  apiTokens: sqlite.apiTokens,
  sessions: sqlite.sessions,
  emailTokens: sqlite.emailTokens,
  outbox: sqlite.outbox,
  rateLimits: sqlite.rateLimits,
  matchVerdicts: sqlite.matchVerdicts,
  userPreferences: sqlite.userPreferences,
  activityStreams: sqlite.activityStreams,
  jobs: sqlite.jobs,
  leases: sqlite.leases,
  webhookDeliveries: sqlite.webhookDeliveries,
  webhookSubscriptions: sqlite.webhookSubscriptions,
  userEvents: sqlite.userEvents,
  oauthClients: sqlite.oauthClients,
  oauthGrants: sqlite.oauthGrants,
  oauthCodes: sqlite.oauthCodes,
  oauthTokens: sqlite.oauthTokens,
};
export type Tables = typeof tables;

export { connectionStatuses, type ConnectionStatus } from "./sqlite";

export type User = typeof sqlite.users.$inferSelect;
export type ProviderConnection = typeof sqlite.providerConnections.$inferSelect;
export type OAuthState = typeof sqlite.oauthStates.$inferSelect;
export type ActivityRow = typeof sqlite.activities.$inferSelect;
export type WorkoutRow = typeof sqlite.workouts.$inferSelect;
export type NewActivityRow = typeof sqlite.activities.$inferInsert;
export type ApiToken = typeof sqlite.apiTokens.$inferSelect;
export type MatchVerdict = typeof sqlite.matchVerdicts.$inferSelect;
export type UserPreferencesRow = typeof sqlite.userPreferences.$inferSelect;
export type ActivityStreamRow = typeof sqlite.activityStreams.$inferSelect;
export type JobRow = typeof sqlite.jobs.$inferSelect;
export { jobStatuses, type JobStatus } from "./sqlite";
export type OAuthClientRow = typeof sqlite.oauthClients.$inferSelect;
export type OAuthGrantRow = typeof sqlite.oauthGrants.$inferSelect;
export type OAuthCodeRow = typeof sqlite.oauthCodes.$inferSelect;
