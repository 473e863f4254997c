"use client";

import { useEffect } from "react";
import type { Notice } from "@/lib/notice";

/** A one-shot notice from a redirect; the URL is cleaned so a reload does not show it again. */
export function NoticeBanner({ notice }: { notice: Notice }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    for (const key of ["notice", "kind", "sig"]) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", url.pathname + url.search);
  }, []);
  return (
    <p
      role={notice.kind === "error" ? "alert" : "status"}
      data-testid="notice"
      className={`rounded-md border px-3 py-2 text-sm ${notice.kind === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
    >
      {notice.text}
    </p>
  );
}
