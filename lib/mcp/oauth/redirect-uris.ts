/**
 * Which redirect URIs a client may register, and when an authorization request's URI is one of
 * them. Codes travel in the redirect, so a URI that an attacker could receive is never accepted:
 * plain http only back to this machine, https anywhere, and the private schemes of native apps.
 */

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Schemes a browser would run or read locally instead of handing to an app. */
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:", "about:", "filesystem:", "ws:", "wss:", "ftp:"]);

export const MAX_REDIRECT_URIS = 10;

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** Why a redirect URI cannot be registered, or null when it can. */
export function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URI";
  }
  if (value.includes("#") || url.hash) return "must not have a fragment";
  if (url.username || url.password) return "must not carry credentials";
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `must not use the ${url.protocol.slice(0, -1)} scheme`;
  if (url.protocol === "http:") return isLoopback(url) ? null : "may use http only for 127.0.0.1, localhost or [::1]; use https";
  if (url.protocol === "https:") return url.hostname ? null : "needs a host";
  // A native app's private-use scheme (RFC 8252 §7.1), e.g. com.example.app:/callback.
  return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) ? null : "has an unusable scheme";
}

/**
 * The registered URI that `requested` stands for, or undefined. Matching is exact, string for
 * string, except that a loopback http URI may name any port (RFC 8252 §7.3): native apps listen
 * on whatever port is free when they start.
 */
export function matchRedirectUri(requested: string, registered: readonly string[]): string | undefined {
  if (registered.includes(requested)) return requested;
  let want: URL;
  try {
    want = new URL(requested);
  } catch {
    return undefined;
  }
  if (want.protocol !== "http:" || !isLoopback(want) || want.hash || want.username || want.password) return undefined;
  const withoutPort = (url: URL) => `${url.protocol}//${url.hostname}${url.pathname}${url.search}`;
  return registered.find((candidate) => {
    try {
      const have = new URL(candidate);
      return have.protocol === "http:" && isLoopback(have) && withoutPort(have) === withoutPort(want);
    } catch {
      return false;
    }
  })
    ? requested
    : undefined;
}
