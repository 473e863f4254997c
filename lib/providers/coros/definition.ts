import type { ProviderDefinition, TokenResponseContext } from "../types";

const ACCESS_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

/**
 * COROS token answers are not RFC 6749: errors come as HTTP 200 with a `result` code, field names
 * may be camelCase, and a refresh only extends the current access token without returning tokens.
 */
function adaptCorosTokenResponse(body: Record<string, unknown>, context: TokenResponseContext): Record<string, unknown> {
  if (typeof body.result === "string" && body.result !== "0000") {
    return { error: "invalid_grant", error_description: typeof body.message === "string" ? body.message : `COROS result ${body.result}` };
  }
  const accessToken = body.access_token ?? body.accessToken;
  if (accessToken === undefined && context.grant === "refresh_token" && context.current) {
    return {
      access_token: context.current.accessToken,
      refresh_token: context.current.refreshToken,
      token_type: "bearer",
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    };
  }
  return {
    ...body,
    access_token: accessToken,
    refresh_token: body.refresh_token ?? body.refreshToken,
    expires_in: body.expires_in ?? body.expiresIn,
    token_type: body.token_type ?? "bearer",
  };
}

export const corosDefinition = {
  id: "coros",
  displayName: "COROS",
  description: "Workouts from COROS watches. Its API documentation is private, so every endpoint is configurable.",
  brandColor: "#E4002B",
  connection: "oauth2",
  endpoints: {
    authUrl: "https://open.coros.com/oauth2/authorize",
    tokenUrl: "https://open.coros.com/oauth2/accesstoken",
    apiBaseUrl: "https://open.coros.com",
    revokeUrl: "https://open.coros.com/oauth2/deauthorize",
  },
  // COROS has no scope vocabulary.
  defaultScopes: [],
  oauth: {
    scopeSeparator: " ",
    pkce: false,
    clientAuth: "client_secret_post",
    omitScope: true,
    refreshPath: "refresh-token",
    adaptTokenResponse: adaptCorosTokenResponse,
    accountIdFromTokenResponse: (body) => (typeof body.openId === "string" ? body.openId : undefined),
  },
  dataTypes: ["activities"],
  developerPortalUrl: "https://support.coros.com/hc/en-us/articles/17085887816340",
  sourceKind: "device",
  // COROS serves about three months back from today; older workouts are not available.
  historyDays: 90,
  requiresCredentials: true,
} satisfies ProviderDefinition;
