/** Any origin works: only whether the resolved URL stays on it matters. */
const ORIGIN = "http://pierre.invalid";

/**
 * A path on this site to go to after sign-in, or the fallback. The value is resolved the way a
 * browser resolves it (which drops tabs and newlines and reads `\` as `/`), and only a result on
 * our own origin is kept, as path + query + hash.
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Resolving again must land on the same place: nothing left that a browser would read differently.
  return path.startsWith("/") && !path.startsWith("//") && new URL(path, ORIGIN).origin === ORIGIN ? path : fallback;
}
