/**
 * What an MCP caller may do. OAuth clients are granted some of these by the person on the consent
 * page; personal tokens and the browser session act with all of them. The words are what the
 * consent page and the settings page show.
 */
export const mcpScopes = {
  "activities:read": {
    phrase: "read your activities",
    detail: "See your merged activity feed, single workouts with the providers that recorded them, and your training totals.",
  },
  "activities:write": {
    phrase: "correct how your workouts are grouped",
    detail: "Mark records as the same workout or as different workouts, and hand the decision back to Pierre.",
  },
  "connections:manage": {
    phrase: "manage your connections",
    detail: "See which fitness providers are connected, connect and disconnect them (disconnecting deletes that provider's activities here), and sync new activities.",
  },
} as const;

export type McpScope = keyof typeof mcpScopes;

export const allMcpScopes = Object.keys(mcpScopes) as McpScope[];

export function isMcpScope(value: string): value is McpScope {
  return Object.hasOwn(mcpScopes, value);
}

/** Space-separated scopes (RFC 6749 §3.3) in our canonical order, without repeats. */
export function formatScopes(scopes: readonly McpScope[]): string {
  return allMcpScopes.filter((scope) => scopes.includes(scope)).join(" ");
}

/** The known scopes of a stored, space-separated scope string (unknown ones are ignored). */
export function parseStoredScopes(value: string | null | undefined): McpScope[] {
  const words = (value ?? "").split(" ");
  return allMcpScopes.filter((scope) => words.includes(scope));
}

/** "read your activities and manage your connections", for "<app> wants to …". */
export function describeScopes(scopes: readonly McpScope[]): string {
  const phrases = allMcpScopes.filter((scope) => scopes.includes(scope)).map((scope) => mcpScopes[scope].phrase);
  if (phrases.length <= 1) return phrases[0] ?? "";
  return `${phrases.slice(0, -1).join(", ")} and ${phrases.at(-1)}`;
}
