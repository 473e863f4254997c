import { ZodError } from "zod";
/**
 * The one error type of the app. Services throw `AppError` with a code; route handlers,
 * server actions and MCP tools turn it into their own answer with `toResponse()` / `message`.
 * Messages are written for the person reading them and never carry secrets.
 */
export const errorStatus = {
  bad_request: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  provider_not_supported: 404,
  provider_not_configured: 409,
  not_connected: 409,
  conflict: 409,
  oauth_state_invalid: 400,
  oauth_denied: 400,
  oauth_exchange_failed: 502,
  needs_reconnect: 401,
  rate_limited: 429,
  provider_unavailable: 503,
  provider_bad_response: 502,
  config_invalid: 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A value someone sent, as an error message may show it: short, and without control characters. */
export function excerpt(value: string, max = 40): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** When a retry makes sense (rate limits, open circuit breakers). */
  readonly retryAt?: Date;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAt?: Date }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.retryAt = options?.retryAt;
  }

  /** The seed's error shape: `{ "success": false, "error": "..." }`. */
  toJSON(): { success: false; error: string } {
    return { success: false, error: this.message };
  }

  toResponse(init?: { headers?: HeadersInit }): Response {
    const headers = new Headers(init?.headers);
    if (this.retryAt) {
      headers.set("Retry-After", String(Math.max(1, Math.ceil((this.retryAt.getTime() - Date.now()) / 1000))));
    }
    return Response.json(this.toJSON(), { status: this.status, headers });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A failure while talking to a provider, in words for its card. A payload of the wrong shape is
 * the provider's doing, not ours: it is named, and the log gets a short summary, never the payload.
 */
export function providerFailure(error: unknown, providerName: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    const summary = error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    console.warn(`[pierre] ${providerName} sent data of an unexpected shape: ${excerpt(summary, 300)}`);
    return new AppError("provider_bad_response", `${providerName} sent data we could not read; we will try again.`, { cause: error });
  }
  return toAppError(error);
}

/** Any thrown value as an AppError; unknown failures become a generic message (details go to the log only). */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("internal", "Something went wrong on our side. Please try again.", { cause: error });
}

/** Wraps a route handler so that thrown AppErrors become their response and anything else a logged 500. */
export function withErrorResponse<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "internal") console.error("[pierre] unhandled error:", describeError(error));
      return appError.toResponse();
    }
  };
}

/** A log-safe one-liner for an error: name, message and code, never request bodies or headers. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}: ${error.message}${typeof code === "string" ? ` (${code})` : ""}`;
  }
  return String(error);
}

/**
 * The error codes of the OAuth endpoints we serve to MCP clients (RFC 6749 §5.2, RFC 7009, RFC 7591,
 * RFC 8707), with the HTTP status each answers with. OAuth clients read `error`, not our seed's
 * `{ success, error }` shape, so these have their own wire format.
 */
export const oauthErrorStatus = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  unsupported_token_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  access_denied: 403,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  temporarily_unavailable: 429,
  server_error: 500,
} as const;

export type OAuthErrorCode = keyof typeof oauthErrorStatus;

export class OAuthProtocolError extends Error {
  readonly error: OAuthErrorCode;
  readonly status: number;
  readonly retryAt?: Date;

  constructor(error: OAuthErrorCode, description: string, options?: { status?: number; retryAt?: Date; cause?: unknown }) {
    super(description, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "OAuthProtocolError";
    this.error = error;
    this.status = options?.status ?? oauthErrorStatus[error];
    this.retryAt = options?.retryAt;
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.message };
  }

  toResponse(init?: { headers?: HeadersInit }): Response {
    const headers = new Headers(init?.headers);
    headers.set("Cache-Control", "no-store");
    if (this.retryAt) headers.set("Retry-After", String(Math.max(1, Math.ceil((this.retryAt.getTime() - Date.now()) / 1000))));
    return Response.json(this.toJSON(), { status: this.status, headers });
  }
}

/**
 * Any thrown value as an OAuth error: rate limits stay rate limits, our own refusals keep their
 * words, and anything unexpected is a server_error whose details go to the log only.
 */
export function toOAuthError(error: unknown): OAuthProtocolError {
  if (error instanceof OAuthProtocolError) return error;
  if (isAppError(error)) {
    if (error.code === "rate_limited") return new OAuthProtocolError("temporarily_unavailable", error.message, { retryAt: error.retryAt });
    if (error.code === "payload_too_large") return new OAuthProtocolError("invalid_request", error.message, { status: 413 });
    if (error.status < 500) return new OAuthProtocolError("invalid_request", error.message);
  }
  console.error("[pierre] OAuth endpoint failed:", describeError(error));
  return new OAuthProtocolError("server_error", "Something went wrong on our side. Please try again.");
}
