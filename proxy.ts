import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/http/security-headers";
import { decodablePath } from "@/lib/http/decodable-path";

/**
 * Runs before every request: a fresh nonce for this response's scripts, the security headers, and
 * an early 413 for a declared body too large for any route here.
 */
export function proxy(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  // Webhooks may carry whole workouts with their samples; their route sets its own, larger cap.
  if (request.nextUrl.pathname.startsWith("/api/") && !request.nextUrl.pathname.startsWith("/api/webhooks/") && declared > 64 * 1024) {
    return NextResponse.json({ success: false, error: "The request body is larger than 64 KiB." }, { status: 413 });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ nonce, https: request.nextUrl.protocol === "https:" || (process.env.PIERRE_BASE_URL ?? "").startsWith("https:"), dev: process.env.NODE_ENV === "development" });
  // Next reads the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const readable = decodablePath(request.nextUrl.pathname);
  const response =
    readable === request.nextUrl.pathname
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(new URL(readable + request.nextUrl.search, request.url), { request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no scripts of their own; everything else gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
