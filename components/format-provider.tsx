"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createFormatter, defaultDisplayPreferences, type DisplayPreferences, type Formatter } from "@/lib/format";

const FormatContext = createContext<Formatter>(createFormatter(defaultDisplayPreferences));

/** The person's preferences and the request's locale, handed from the server so both print alike. */
export function FormatProvider({ preferences, locale, children }: { preferences: DisplayPreferences; locale: string; children: ReactNode }) {
  const format = useMemo(() => createFormatter(preferences, locale), [preferences, locale]);
  return <FormatContext.Provider value={format}>{children}</FormatContext.Provider>;
}

export function useFormat(): Formatter {
  return useContext(FormatContext);
}
