/**
 * The PIERRE_* variables that point the app at the sandbox: every provider's real URL mounted
 * under /<id> on the sandbox, plus the sandbox's client credentials. Used by `npm run demo`, the
 * browser tests and the integration tests.
 */
export const sandboxProviders = ["strava", "garmin", "fitbit", "whoop", "coros", "terra", "polar"] as const;
export type SandboxProvider = (typeof sandboxProviders)[number];

export const sandboxCredentials: Record<SandboxProvider, { clientId: string; clientSecret: string }> = Object.fromEntries(
  sandboxProviders.map((id) => [id, { clientId: `sandbox-${id}-client`, clientSecret: `sandbox-${id}-secret` }]),
) as Record<SandboxProvider, { clientId: string; clientSecret: string }>;

/** Paths of each provider's real endpoints (host dropped), as the sandbox serves them. */
export const sandboxPaths: Record<SandboxProvider, { auth: string; token?: string; api: string; revoke: string }> = {
  strava: { auth: "/strava/oauth/authorize", token: "/strava/oauth/token", api: "/strava/api/v3", revoke: "/strava/oauth/deauthorize" },
  garmin: {
    auth: "/garmin/oauth2Confirm",
    token: "/garmin/di-oauth2-service/oauth/token",
    api: "/garmin",
    revoke: "/garmin/wellness-api/rest/user/registration",
  },
  fitbit: { auth: "/fitbit/oauth2/authorize", token: "/fitbit/oauth2/token", api: "/fitbit", revoke: "/fitbit/oauth2/revoke" },
  whoop: { auth: "/whoop/oauth/oauth2/auth", token: "/whoop/oauth/oauth2/token", api: "/whoop/developer", revoke: "/whoop/developer/v2/user/access" },
  coros: { auth: "/coros/oauth2/authorize", token: "/coros/oauth2/accesstoken", api: "/coros", revoke: "/coros/oauth2/deauthorize" },
  terra: { auth: "/terra/api/v2/auth/generateWidgetSession", api: "/terra/api/v2", revoke: "/terra/api/v2/auth/deauthenticateUser" },
  polar: { auth: "/polar/oauth2/authorization", token: "/polar/v2/oauth2/token", api: "/polar/v3", revoke: "/polar/v3/users" },
};

export function sandboxProviderEnv(sandboxUrl: string): Record<string, string> {
  const base = sandboxUrl.replace(/\/+$/, "");
  const env: Record<string, string> = {};
  for (const id of sandboxProviders) {
    const prefix = `PIERRE_${id.toUpperCase()}`;
    const paths = sandboxPaths[id];
    env[`${prefix}_CLIENT_ID`] = sandboxCredentials[id].clientId;
    env[`${prefix}_CLIENT_SECRET`] = sandboxCredentials[id].clientSecret;
    env[`${prefix}_AUTH_URL`] = base + paths.auth;
    if (paths.token) env[`${prefix}_TOKEN_URL`] = base + paths.token;
    env[`${prefix}_API_BASE_URL`] = base + paths.api;
    env[`${prefix}_REVOKE_URL`] = base + paths.revoke;
  }
  return env;
}
