import { AppError } from "@/lib/errors";

/**
 * Cookie-authenticated state changes must come from our own pages. Browsers send `Origin` on
 * every POST; a request from another site, or without the header, is refused.
 */
export function assertSameOrigin(request: Request, allowedOrigins: readonly string[]): void {
  const origin = request.headers.get("origin");
  const own = new URL(request.url).origin;
  if (!origin || (origin !== own && !allowedOrigins.includes(origin))) {
    throw new AppError("forbidden", "This action must come from a Pierre Connect page.");
  }
}
