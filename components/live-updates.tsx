"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** Invalidations are gathered for this long: a history import sends many events a second. */
const SETTLE_MS = 400;

/**
 * Keeps the page current without a click: listens to the person's server-sent events (sync
 * progress, new activities, connection changes) and refetches what they change.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = (...keys: string[]) => {
      for (const key of keys) pending.add(key);
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const key of pending) void queryClient.invalidateQueries({ queryKey: [key] });
        pending.clear();
      }, SETTLE_MS);
    };
    const source = new EventSource("/api/events");
    source.addEventListener("sync", () => refetch("providers"));
    source.addEventListener("connection", () => refetch("providers"));
    source.addEventListener("activities", () => refetch("activities", "weekly", "providers"));
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [queryClient]);
  return null;
}
