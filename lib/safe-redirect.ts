/** A same-site path to go to after sign-in; anything else (absolute or protocol-relative URLs) goes to the dashboard. */
export function safeReturnPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
