import "server-only";
import { getConfig } from "@/lib/config";
import { noticeParams, type Notice } from "@/lib/notice";

/** Back to the connections page (where connecting starts) with a signed one-shot notice. */
export function connectionsRedirect(notice: Notice): Response {
  const url = new URL(`/connections?${noticeParams(getConfig().authSecret, notice)}`, getConfig().baseUrl);
  return Response.redirect(url, 302);
}

export function signInRedirect(returnTo: string): Response {
  return Response.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`, getConfig().baseUrl), 302);
}

