import { createHash, randomBytes } from "node:crypto";
import { sandboxCredentials, type SandboxProvider } from "./env";
import { escapeHtml, html, redirect, type Router, type SandboxRequest, type SandboxResponse } from "./http";
import type { Athlete, SandboxState } from "./state";

/**
 * One OAuth 2.0 authorization server for every provider; what differs between them (client
 * authentication, PKCE, token JSON, error bodies, rotation) is a spec, the way the real providers differ.
 */
export interface OAuthSpec {
  provider: SandboxProvider;
  displayName: string;
  prefix: string;
  authorizePath: string;
  tokenPath: string;
  /** COROS refreshes at another path. */
  refreshPath?: string;
  clientAuth: "basic" | "body";
  pkce: "required" | "optional" | "none";
  /** Whether the token request must repeat redirect_uri (otherwise checked only when sent). */
  redirectUriAtToken: "required" | "if-sent";
  minStateLength?: number;
  scopeSeparator: " " | ",";
  lifetimeSeconds: number;
  rotatesRefresh: boolean;
  issuesRefresh: (scopes: string[]) => boolean;
  /** Strava appends the granted scopes to the redirect. */
  echoScopes?: boolean;
  /** Polar: reusing a code revokes every token issued from it. */
  revokeOnCodeReuse?: boolean;
  makeAthleteId: () => string;
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

export function lifetimeOf(state: SandboxState, spec: Pick<OAuthSpec, "provider" | "lifetimeSeconds">): number {
  const global = Number(process.env.SANDBOX_TOKEN_LIFETIME_SECONDS);
  return state.lifetimes.get(spec.provider) ?? (Number.isFinite(global) && global > 0 ? global : spec.lifetimeSeconds);
}

function consentPage(spec: OAuthSpec, fields: Record<string, string>, scopes: string[]): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const scopeList = scopes.length ? `<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>` : "<p>No scopes requested.</p>";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(spec.displayName)} (sandbox) — authorize</title>
<style>body{font-family:system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}</style></head>
<body><main><h1>${escapeHtml(spec.displayName)} (sandbox)</h1><p>An application wants to read your ${escapeHtml(spec.displayName)} data.</p>${scopeList}
<form method="post">${hidden}<p><label for="athlete">Athlete</label> <input id="athlete" name="athlete" value="athlete"></p>
<button type="submit" name="decision" value="authorize">Authorize</button><button type="submit" name="decision" value="deny">Deny</button></form></main></body></html>`;
}

function badRequestPage(message: string): SandboxResponse {
  return html(`<!doctype html><html lang="en"><body><main><h1>Invalid request</h1><p>${escapeHtml(message)}</p></main></body></html>`, 400);
}

function clientFromRequest(spec: OAuthSpec, req: SandboxRequest): { id?: string; secret?: string } {
  if (spec.clientAuth === "basic") {
    const match = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (!match) return {};
    const [id, secret] = Buffer.from(match[1]!, "base64").toString("utf8").split(":");
    return { id: id && decodeURIComponent(id), secret: secret && decodeURIComponent(secret) };
  }
  return { id: String(req.body.client_id ?? ""), secret: String(req.body.client_secret ?? "") };
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function registerOAuth(router: Router, state: SandboxState, spec: OAuthSpec): void {
  const credentials = sandboxCredentials[spec.provider];
  const authorizeUrl = spec.prefix + spec.authorizePath;

  function validateAuthorize(params: Record<string, string>): string | undefined {
    if (params.client_id !== credentials.clientId) return "Unknown client_id.";
    if (params.response_type !== "code") return "response_type must be code.";
    if (!params.redirect_uri || !/^https?:\/\//.test(params.redirect_uri)) return "redirect_uri must be an absolute http(s) URL.";
    if (spec.minStateLength && (params.state ?? "").length < spec.minStateLength) return `state must be at least ${spec.minStateLength} characters.`;
    if (spec.pkce === "required" && (!params.code_challenge || params.code_challenge_method !== "S256")) return "PKCE with S256 is required.";
    return undefined;
  }

  router.add("GET", spec.provider, "page", authorizeUrl, (req) => {
    const params = Object.fromEntries(req.url.searchParams);
    const problem = validateAuthorize(params);
    if (problem) return badRequestPage(problem);
    const fields: Record<string, string> = {};
    for (const key of ["client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method", "response_type"]) {
      if (params[key] !== undefined) fields[key] = params[key]!;
    }
    const scopes = (params.scope ?? "").split(spec.scopeSeparator).filter(Boolean);
    return html(consentPage(spec, fields, scopes));
  });

  router.add("POST", spec.provider, "page", authorizeUrl, (req) => {
    const params = Object.fromEntries(Object.entries(req.body).map(([k, v]) => [k, String(v)]));
    const problem = validateAuthorize(params);
    if (problem) return badRequestPage(problem);
    const back = new URL(params.redirect_uri!);
    if (params.decision !== "authorize") {
      back.searchParams.set("error", "access_denied");
      if (params.state) back.searchParams.set("state", params.state);
      return redirect(back.toString());
    }
    const scopes = (params.scope ?? "").split(spec.scopeSeparator).filter(Boolean);
    const athlete = state.athlete(spec.provider, params.athlete ?? "athlete", spec.makeAthleteId);
    const code = randomBytes(16).toString("hex");
    state.codes.set(code, {
      provider: spec.provider,
      clientId: params.client_id!,
      athleteKey: athlete.key,
      redirectUri: params.redirect_uri!,
      scopes,
      codeChallenge: params.code_challenge,
      expiresAt: Date.now() + 10 * 60_000,
      used: false,
      issued: [],
    });
    back.searchParams.set("code", code);
    if (params.state) back.searchParams.set("state", params.state);
    if (spec.echoScopes) back.searchParams.set("scope", scopes.join(","));
    return redirect(back.toString());
  });

  function issue(grant: Issued["grant"], athleteKey: string, scopes: string[]): Issued {
    const athlete = state.athletes.get(athleteKey)!;
    const expiresIn = lifetimeOf(state, spec);
    const accessToken = state.issueAccessToken(spec.provider, athleteKey, scopes, expiresIn);
    const refreshToken = spec.issuesRefresh(scopes) ? state.issueRefreshToken(spec.provider, athleteKey, scopes, accessToken) : undefined;
    return { grant, accessToken, refreshToken, expiresIn, scopes, athlete };
  }

  function authenticate(req: SandboxRequest): SandboxResponse | undefined {
    const client = clientFromRequest(spec, req);
    if (client.id !== credentials.clientId || client.secret !== credentials.clientSecret) {
      return spec.error("invalid_client", "Client authentication failed.");
    }
    return undefined;
  }

  const tokenHandler = (req: SandboxRequest): SandboxResponse => {
    const denied = authenticate(req);
    if (denied) return denied;
    const grant = String(req.body.grant_type ?? "");
    if (grant === "authorization_code") {
      const code = state.codes.get(String(req.body.code ?? ""));
      if (!code || code.provider !== spec.provider || code.clientId !== credentials.clientId) return spec.error("invalid_grant", "Unknown authorization code.");
      if (code.used) {
        if (spec.revokeOnCodeReuse) for (const token of code.issued) state.accessTokens.get(token)!.revoked = true;
        return spec.error("invalid_grant", "Authorization code already used.");
      }
      if (code.expiresAt < Date.now()) return spec.error("invalid_grant", "Authorization code expired.");
      const redirectUri = req.body.redirect_uri === undefined ? undefined : String(req.body.redirect_uri);
      if ((spec.redirectUriAtToken === "required" || redirectUri !== undefined) && redirectUri !== code.redirectUri) {
        return spec.error("invalid_grant", "redirect_uri does not match the authorization request.");
      }
      if (code.codeChallenge) {
        const verifier = String(req.body.code_verifier ?? "");
        if (!verifier || s256(verifier) !== code.codeChallenge) return spec.error("invalid_grant", "PKCE verification failed.");
      }
      code.used = true;
      const issued = issue("authorization_code", code.athleteKey, code.scopes);
      code.issued.push(issued.accessToken);
      return jsonBody(spec.tokenBody(issued));
    }
    if (grant === "refresh_token") {
      const record = state.refreshTokens.get(String(req.body.refresh_token ?? ""));
      if (!record || record.provider !== spec.provider || record.used) return spec.error("invalid_grant", "Invalid refresh token.");
      if (spec.refreshAck) {
        // The refresh extends the existing access token instead of issuing a new one.
        const access = state.accessTokens.get(record.accessToken);
        if (!access || access.revoked) return spec.error("invalid_grant", "Invalid refresh token.");
        access.expiresAt = Date.now() + lifetimeOf(state, spec) * 1000;
        return jsonBody(spec.refreshAck);
      }
      if (spec.rotatesRefresh) record.used = true;
      const issued = issue("refresh_token", record.athleteKey, record.scopes);
      if (!spec.rotatesRefresh) {
        state.refreshTokens.delete(issued.refreshToken ?? "");
        issued.refreshToken = String(req.body.refresh_token);
        record.accessToken = issued.accessToken;
      }
      return jsonBody(spec.tokenBody(issued));
    }
    return spec.error("invalid_request", `Unsupported grant_type ${grant || "(missing)"}.`);
  };

  router.add("POST", spec.provider, "token", spec.prefix + spec.tokenPath, tokenHandler);
  if (spec.refreshPath) router.add("POST", spec.provider, "token", spec.prefix + spec.refreshPath, tokenHandler);
}

function jsonBody(body: Record<string, unknown>): SandboxResponse {
  return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** The bearer token of an API request, if the header carries one. */
export function bearerToken(req: SandboxRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
}
