import "server-only";
import { getConfig } from "@/lib/config";
import { noticeParams, type Notice } from "@/lib/notice";

/** The dashboard URL with a signed one-shot notice. */
export function dashboardRedirect(notice: Notice): Response {
  const url = new URL(`/dashboard?${noticeParams(getConfig().authSecret, notice)}`, getConfig().baseUrl);
  return Response.redirect(url, 302);
}

export function signInRedirect(returnTo: string): Response {
  return Response.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`, getConfig().baseUrl), 302);
}

