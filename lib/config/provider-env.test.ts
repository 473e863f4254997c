import { describe, expect, it } from "vitest";
import { stravaDefinition } from "@/lib/providers/strava/definition";
import { ConfigError } from "./core";
import { loadProviderEnvConfig, providerEnvName } from "./provider-env";

const options = { baseUrl: new URL("https://pierre.example.com"), demo: false };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe("loadProviderEnvConfig", () => {
  it("falls back to the provider's real endpoints and scopes, with the redirect URI from PIERRE_BASE_URL", () => {
    const { config, sources } = loadProviderEnvConfig("strava", stravaDefinition, {}, options);
    expect(config).toEqual({
      name: "strava",
      authUrl: "https://www.strava.com/oauth/authorize",
      tokenUrl: "https://www.strava.com/oauth/token",
      apiBaseUrl: "https://www.strava.com/api/v3",
      revokeUrl: "https://www.strava.com/oauth/deauthorize",
      defaultScopes: ["read", "activity:read_all"],
      redirectUri: "https://pierre.example.com/api/providers/strava/callback",
      clientId: undefined,
      clientSecret: undefined,
      settings: {},
    });
    expect(sources).toEqual({
      clientId: "unset",
      clientSecret: "unset",
      authUrl: "default",
      tokenUrl: "default",
      apiBaseUrl: "default",
      revokeUrl: "default",
      scopes: "default",
      redirectUri: "PIERRE_BASE_URL",
      settings: { webhookVerifyToken: "unset" },
    });
  });

  it("applies every PIERRE_<ID>_* override and names the variable as the source", () => {
    const env = {
      PIERRE_STRAVA_CLIENT_ID: "123",
      PIERRE_STRAVA_CLIENT_SECRET: "s3cret",
      PIERRE_STRAVA_AUTH_URL: "http://127.0.0.1:4010/strava/oauth/authorize",
      PIERRE_STRAVA_TOKEN_URL: "http://127.0.0.1:4010/strava/oauth/token",
      PIERRE_STRAVA_API_BASE_URL: "http://127.0.0.1:4010/strava/api/v3",
      PIERRE_STRAVA_REVOKE_URL: "http://localhost:4010/strava/oauth/deauthorize",
      PIERRE_STRAVA_SCOPES: "read, activity:read_all ,profile:read_all,",
      PIERRE_STRAVA_REDIRECT_URI: "https://other.example.com/cb",
      PIERRE_STRAVA_WEBHOOK_VERIFY_TOKEN: "verify-me",
    };
    const { config, sources } = loadProviderEnvConfig("strava", stravaDefinition, env, options);
    expect(config).toMatchObject({
      clientId: "123",
      clientSecret: "s3cret",
      authUrl: env.PIERRE_STRAVA_AUTH_URL,
      tokenUrl: env.PIERRE_STRAVA_TOKEN_URL,
      apiBaseUrl: env.PIERRE_STRAVA_API_BASE_URL,
      revokeUrl: env.PIERRE_STRAVA_REVOKE_URL,
      defaultScopes: ["read", "activity:read_all", "profile:read_all"],
      redirectUri: "https://other.example.com/cb",
      settings: { webhookVerifyToken: "verify-me" },
    });
    const { settings, ...fields } = sources;
    for (const [field, source] of Object.entries(fields)) expect(source).toBe(providerEnvName("strava", field as never));
    expect(settings).toEqual({ webhookVerifyToken: "PIERRE_STRAVA_WEBHOOK_VERIFY_TOKEN" });
  });

  it("reports every bad variable by name at once, without echoing values", () => {
    const env = {
      PIERRE_STRAVA_AUTH_URL: "ftp://strava.example.com/auth",
      PIERRE_STRAVA_TOKEN_URL: "http://strava.example.com/token",
      PIERRE_STRAVA_API_BASE_URL: "not a url",
      PIERRE_STRAVA_REVOKE_URL: "https://user:pw@strava.example.com/revoke",
      PIERRE_STRAVA_REDIRECT_URI: "/relative",
      PIERRE_STRAVA_CLIENT_SECRET: "only-the-secret",
    };
    expect(problemsOf(() => loadProviderEnvConfig("strava", stravaDefinition, env, options))).toEqual([
      "PIERRE_STRAVA_AUTH_URL",
      "PIERRE_STRAVA_TOKEN_URL",
      "PIERRE_STRAVA_API_BASE_URL",
      "PIERRE_STRAVA_REVOKE_URL",
      "PIERRE_STRAVA_REDIRECT_URI",
      "PIERRE_STRAVA_CLIENT_ID",
    ]);
    try {
      loadProviderEnvConfig("strava", stravaDefinition, env, options);
    } catch (error) {
      expect(String(error)).not.toContain("only-the-secret");
      expect(String(error)).not.toContain("pw@");
    }
  });

  it("allows plain http to any host only with the demo flag", () => {
    const env = { PIERRE_STRAVA_TOKEN_URL: "http://sandbox.internal:4010/strava/oauth/token" };
    expect(problemsOf(() => loadProviderEnvConfig("strava", stravaDefinition, env, options))).toEqual(["PIERRE_STRAVA_TOKEN_URL"]);
    expect(loadProviderEnvConfig("strava", stravaDefinition, env, { ...options, demo: true }).config.tokenUrl).toBe(env.PIERRE_STRAVA_TOKEN_URL);
  });

  it("asks for the secret when only the client id is set", () => {
    expect(problemsOf(() => loadProviderEnvConfig("strava", stravaDefinition, { PIERRE_STRAVA_CLIENT_ID: "1" }, options))).toEqual([
      "PIERRE_STRAVA_CLIENT_SECRET",
    ]);
  });

  it("upper-cases ids with dashes into env names", () => {
    expect(providerEnvName("my-gym", "clientId")).toBe("PIERRE_MY_GYM_CLIENT_ID");
  });
});
