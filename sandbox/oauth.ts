import type { ProviderDefinition } from "@/lib/providers/types";
import { createHash, randomBytes } from "node:crypto";
import { sandboxPage } from "./page";
import { escapeHtml, html, redirect, type Router, type SandboxRequest, type SandboxResponse } from "./http";
import type { ProviderSandbox } from "./provider";
import type { Athlete, SandboxState } from "./state";

/**
 * One OAuth 2.0 authorization server for every provider. Where it is and what the client must do
 * (paths, client authentication, scope separator, refresh path) comes from the provider's
 * definition; how the real server behaves beyond that (token JSON, error bodies, rotation,
 * lifetimes, what it insists on) is the module's `OAuthBehaviour`.
 */
export interface OAuthBehaviour {
  /** Client authentication the token endpoint accepts; by default the definition's, alone. */
  clientAuth?: "basic" | "body" | "either";
  /** The authorize request must carry an S256 challenge (Garmin); otherwise PKCE is checked when sent. */
  pkceRequired?: boolean;
  /** Whether the token request must repeat redirect_uri (otherwise checked only when sent). */
  redirectUriAtToken: "required" | "if-sent";
  /** Token parameters may come in the query string of the POST (Wahoo's docs, Suunto's partners). */
  paramsInQuery?: boolean;
  minStateLength?: number;
  lifetimeSeconds: number;
  rotatesRefresh: boolean;
  /** Whether a grant yields a refresh token, from its scopes and the authorize request (Google's access_type). */
  issuesRefresh: (scopes: string[], authorizeParams: Record<string, string>) => boolean;
  /** A refresh's new access token revokes the old one when first used (Wahoo). */
  revokesOnFirstUse?: boolean;
  /** Strava appends the granted scopes to the redirect. */
  echoScopes?: boolean;
  /** Polar: reusing a code revokes every token issued from it. */
  revokeOnCodeReuse?: boolean;
  makeAthleteId: () => string;
  /** The access token's text, e.g. a JWT naming the user (Suunto); opaque otherwise. */
  makeAccessToken?: (athlete: Athlete, opaque: string) => string;
  /** Refuses a new token for this account, e.g. Wahoo's cap of live tokens per user. */
  refuseIssue?: (athlete: Athlete) => SandboxResponse | undefined;
  tokenBody: (issued: Issued) => Record<string, unknown>;
  /** COROS: a refresh only acknowledges and extends the current token. */
  refreshAck?: Record<string, unknown>;
  error: (kind: "invalid_grant" | "invalid_client" | "invalid_request", description: string) => SandboxResponse;
}

export interface Issued {
  grant: "authorization_code" | "refresh_token";
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  scopes: string[];
  athlete: Athlete;
}

export function lifetimeOf(state: SandboxState, provider: string, lifetimeSeconds: number): number {
  const global = Number(process.env.SANDBOX_TOKEN_LIFETIME_SECONDS);
  return state.lifetimes.get(provider) ?? (Number.isFinite(global) && global > 0 ? global : lifetimeSeconds);
}

function consentPage(definition: ProviderDefinition, fields: Record<string, string>, scopes: string[]): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const scopeList = scopes.length ? `<p>It asks for:</p><ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>` : "<p>No scopes requested.</p>";
  return sandboxPage(
    definition,
    `${definition.displayName} (sandbox) — authorize`,
    `<p>An application wants to read your ${escapeHtml(definition.displayName)} data.</p>${scopeList}
<form method="post">${hidden}<p><label for="athlete">Athlete</label><input id="athlete" name="athlete" value="athlete"></p>
<div class="actions"><button class="primary" type="submit" name="decision" value="authorize">Authorize</button><button type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}

function badRequestPage(message: string): SandboxResponse {
  return html(`<!doctype html><html lang="en"><body><main><h1>Invalid request</h1><p>${escapeHtml(message)}</p></main></body></html>`, 400);
}

function clientFromRequest(method: "basic" | "body" | "either", req: SandboxRequest, params: Record<string, unknown>): { id?: string; secret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (basic && method !== "body") {
    const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
    return { id: id && decodeURIComponent(id), secret: secret && decodeURIComponent(secret) };
  }
  if (method === "basic") return {};
  return { id: String(params.client_id ?? ""), secret: String(params.client_secret ?? "") };
}

/** The authorize request's own parameters, without what the consent form adds. */
const withoutConsentFields = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key !== "decision" && key !== "athlete"));

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function registerOAuth(router: Router, state: SandboxState, provider: ProviderSandbox, spec: OAuthBehaviour): void {
  const { definition, credentials, id } = provider;
  const quirks = definition.oauth;
  if (!quirks) throw new Error(`${definition.displayName} does not connect through OAuth 2.0.`);
  const authorizeUrl = provider.path("authUrl");
  const clientAuth = spec.clientAuth ?? (quirks.clientAuth === "client_secret_basic" ? "basic" : "body");

  function validateAuthorize(params: Record<string, string>): string | undefined {
    if (params.client_id !== credentials.clientId) return "Unknown client_id.";
    if (params.response_type !== "code") return "response_type must be code.";
    if (!params.redirect_uri || !/^https?:\/\//.test(params.redirect_uri)) return "redirect_uri must be an absolute http(s) URL.";
    if (spec.minStateLength && (params.state ?? "").length < spec.minStateLength) return `state must be at least ${spec.minStateLength} characters.`;
    if (spec.pkceRequired && (!params.code_challenge || params.code_challenge_method !== "S256")) return "PKCE with S256 is required.";
    return undefined;
  }

  router.add("GET", id, "page", authorizeUrl, (req) => {
    const params = Object.fromEntries(req.url.searchParams);
    const problem = validateAuthorize(params);
    if (problem) return badRequestPage(problem);
    // Every authorize parameter rides along to the decision, as the real consent pages keep them.
    const fields = withoutConsentFields(params);
    const scopes = (params.scope ?? "").split(quirks.scopeSeparator).filter(Boolean);
    return html(consentPage(definition, fields, scopes));
  });

  router.add("POST", id, "page", authorizeUrl, (req) => {
    const params = Object.fromEntries(Object.entries(req.body).map(([k, v]) => [k, String(v)]));
    const problem = validateAuthorize(params);
    if (problem) return badRequestPage(problem);
    const back = new URL(params.redirect_uri!);
    if (params.decision !== "authorize") {
      back.searchParams.set("error", "access_denied");
      if (params.state) back.searchParams.set("state", params.state);
      return redirect(back.toString());
    }
    const scopes = (params.scope ?? "").split(quirks.scopeSeparator).filter(Boolean);
    const athlete = state.athlete(id, params.athlete ?? "athlete", spec.makeAthleteId);
    const authorizeParams = withoutConsentFields(params);
    const code = randomBytes(16).toString("hex");
    state.codes.set(code, {
      provider: id,
      clientId: params.client_id!,
      athleteKey: athlete.key,
      redirectUri: params.redirect_uri!,
      scopes,
      codeChallenge: params.code_challenge,
      authorizeParams,
      expiresAt: Date.now() + 10 * 60_000,
      used: false,
      issued: [],
    });
    back.searchParams.set("code", code);
    if (params.state) back.searchParams.set("state", params.state);
    if (spec.echoScopes) back.searchParams.set("scope", scopes.join(","));
    return redirect(back.toString());
  });

  function issue(grant: Issued["grant"], athleteKey: string, scopes: string[], authorizeParams: Record<string, string>, replaces?: string): Issued {
    const athlete = state.athletes.get(athleteKey)!;
    const expiresIn = lifetimeOf(state, id, spec.lifetimeSeconds);
    const accessToken = state.issueAccessToken(id, athleteKey, scopes, expiresIn, spec.makeAccessToken && ((opaque) => spec.makeAccessToken!(athlete, opaque)));
    if (replaces && spec.revokesOnFirstUse) state.accessTokens.get(accessToken)!.replaces = replaces;
    const refreshToken = spec.issuesRefresh(scopes, authorizeParams) ? state.issueRefreshToken(id, athleteKey, scopes, accessToken, authorizeParams) : undefined;
    return { grant, accessToken, refreshToken, expiresIn, scopes, athlete };
  }

  const tokenHandler = (req: SandboxRequest): SandboxResponse => {
    const params: Record<string, unknown> = spec.paramsInQuery ? { ...Object.fromEntries(req.url.searchParams), ...req.body } : req.body;
    const client = clientFromRequest(clientAuth, req, params);
    if (client.id !== credentials.clientId || client.secret !== credentials.clientSecret) return spec.error("invalid_client", "Client authentication failed.");
    const grant = String(params.grant_type ?? "");
    if (grant === "authorization_code") {
      const code = state.codes.get(String(params.code ?? ""));
      if (!code || code.provider !== id || code.clientId !== credentials.clientId) return spec.error("invalid_grant", "Unknown authorization code.");
      if (code.used) {
        if (spec.revokeOnCodeReuse) for (const token of code.issued) state.accessTokens.get(token)!.revoked = true;
        return spec.error("invalid_grant", "Authorization code already used.");
      }
      if (code.expiresAt < Date.now()) return spec.error("invalid_grant", "Authorization code expired.");
      const redirectUri = params.redirect_uri === undefined ? undefined : String(params.redirect_uri);
      if ((spec.redirectUriAtToken === "required" || redirectUri !== undefined) && redirectUri !== code.redirectUri) {
        return spec.error("invalid_grant", "redirect_uri does not match the authorization request.");
      }
      if (code.codeChallenge) {
        const verifier = String(params.code_verifier ?? "");
        if (!verifier || s256(verifier) !== code.codeChallenge) return spec.error("invalid_grant", "PKCE verification failed.");
      }
      const refused = spec.refuseIssue?.(state.athletes.get(code.athleteKey)!);
      if (refused) return refused;
      code.used = true;
      const issued = issue("authorization_code", code.athleteKey, code.scopes, code.authorizeParams);
      code.issued.push(issued.accessToken);
      return jsonBody(spec.tokenBody(issued));
    }
    if (grant === "refresh_token") {
      const record = state.refreshTokens.get(String(params.refresh_token ?? ""));
      if (!record || record.provider !== id || record.used) return spec.error("invalid_grant", "Invalid refresh token.");
      if (spec.refreshAck) {
        // The refresh extends the existing access token instead of issuing a new one.
        const access = state.accessTokens.get(record.accessToken);
        if (!access || access.revoked) return spec.error("invalid_grant", "Invalid refresh token.");
        access.expiresAt = Date.now() + lifetimeOf(state, id, spec.lifetimeSeconds) * 1000;
        return jsonBody(spec.refreshAck);
      }
      if (spec.rotatesRefresh) record.used = true;
      const issued = issue("refresh_token", record.athleteKey, record.scopes, record.authorizeParams, record.accessToken);
      if (!spec.rotatesRefresh) {
        // The same refresh token stays valid and now stands for the new access token.
        state.refreshTokens.delete(issued.refreshToken ?? "");
        issued.refreshToken = String(params.refresh_token);
        record.accessToken = issued.accessToken;
      }
      return jsonBody(spec.tokenBody(issued));
    }
    return spec.error("invalid_request", `Unsupported grant_type ${grant || "(missing)"}.`);
  };

  router.add("POST", id, "token", provider.path("tokenUrl"), tokenHandler);
  if (quirks.refreshPath) {
    const refreshPath = `/${id}${new URL(quirks.refreshPath, definition.endpoints.tokenUrl).pathname}`;
    router.add("POST", id, "token", refreshPath, tokenHandler);
  }
}

function jsonBody(body: Record<string, unknown>): SandboxResponse {
  return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** The bearer token of an API request, if the header carries one. */
export function bearerToken(req: SandboxRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
}
