import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * One-shot messages carried to the dashboard in the redirect URL (after OAuth callbacks).
 * They are signed so that a crafted link cannot make our page say arbitrary things.
 */
export type NoticeKind = "success" | "error";
export interface Notice {
  kind: NoticeKind;
  text: string;
}

function signature(secret: string, notice: Notice): string {
  return createHmac("sha256", secret).update(`notice:${notice.kind}:${notice.text}`).digest("base64url");
}

export function noticeParams(secret: string, notice: Notice): URLSearchParams {
  return new URLSearchParams({ notice: notice.text, kind: notice.kind, sig: signature(secret, notice) });
}

export function readNotice(secret: string, params: Record<string, string | string[] | undefined>): Notice | null {
  const { notice: text, kind, sig } = params;
  if (typeof text !== "string" || typeof sig !== "string" || (kind !== "success" && kind !== "error")) return null;
  const expected = Buffer.from(signature(secret, { kind, text }));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { kind, text } : null;
}
