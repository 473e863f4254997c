/**
 * The headers every page and API answer carries. Scripts run only with this response's nonce
 * ('strict-dynamic' lets them load Next's chunks); no site may frame us; nothing leaks the path in
 * a Referer to other sites; the browser never guesses a content type; powerful features are off.
 * Styles allow inline attributes because the chart and map libraries position elements with them.
 */
export function securityHeaders(options: { nonce: string; https: boolean; dev: boolean }): Record<string, string> {
  const script = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  const policy = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // Map tiles come from OpenStreetMap when it can be reached; routes and charts are drawn locally.
    "img-src 'self' data: blob: https://tile.openstreetmap.org",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "content-security-policy": policy,
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
