/**
 * Building blocks every provider's webhook shares: HMACs in the encodings providers use, a
 * constant-time comparison, a delivery id for providers that send none, and a JSON body read into
 * a zod schema. Each provider's own webhook.ts decides what is signed, with which key, where.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { ZodType } from "zod";
import { parseProviderJson } from "./json";
import type { WebhookRequest } from "./types";

export function hmacSha256(key: string, message: string, encoding: "hex" | "base64"): string {
  return createHmac("sha256", key).update(message, "utf8").digest(encoding);
}

/** Equal strings in time that does not depend on where they differ; a missing value never matches. */
export function sameSecret(expected: string | undefined | null, received: string | undefined | null): boolean {
  if (!expected || !received) return false;
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For providers whose deliveries carry no id of their own: the same body is the same delivery. */
export function bodyDigest(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** The JSON body in the provider's documented shape (big integer ids kept exact); throws otherwise. */
export function jsonBody<T>(request: WebhookRequest, schema: ZodType<T>): T {
  return schema.parse(parseProviderJson(request.body));
}

/** Like `jsonBody`, for checks made before parsing (a verify step): undefined instead of throwing. */
export function tryJsonBody<T>(request: WebhookRequest, schema: ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(parseProviderJson(request.body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON answer a handshake gives. */
export function handshakeAnswer(body: Record<string, unknown>, status = 200): Response {
  return Response.json(body, { status });
}
