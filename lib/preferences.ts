import "server-only";
import { z } from "zod";
import { getStore } from "@/lib/db";
import { findDisplayPreferences, saveDisplayPreferences } from "@/lib/db/queries/preferences";
import { AppError, excerpt } from "@/lib/errors";
import { createFormatter, defaultDisplayPreferences, isTimeZone, supportedLocale, type DisplayPreferences, type Formatter } from "@/lib/format";

/** How a person wants their numbers and times: units, first day of the week, time zone. */
export async function getDisplayPreferences(userId: string): Promise<DisplayPreferences> {
  const stored = await findDisplayPreferences(getStore(), userId);
  return {
    units: stored.units ?? defaultDisplayPreferences.units,
    weekStart: stored.weekStart ?? defaultDisplayPreferences.weekStart,
    // A zone this runtime no longer knows (tz database changes) falls back to each workout's own.
    timeZone: stored.timeZone && isTimeZone(stored.timeZone) ? stored.timeZone : null,
  };
}

export const displayPreferencesInput = z
  .object({
    units: z.enum(["metric", "imperial"]),
    weekStart: z.number().int().min(0).max(6),
    timeZone: z.string().max(64).nullable(),
  })
  .partial()
  .strict();

export async function setDisplayPreferences(userId: string, input: z.infer<typeof displayPreferencesInput>): Promise<DisplayPreferences> {
  if (input.timeZone && !isTimeZone(input.timeZone)) throw new AppError("bad_request", `Invalid timeZone: '${excerpt(input.timeZone)}' is not an IANA time zone such as Europe/Paris.`);
  await getStore().transaction((tx) => saveDisplayPreferences(tx, userId, input));
  return getDisplayPreferences(userId);
}

/** The locale of a request: its Accept-Language, the same on the server and in the browser. */
export async function requestLocale(): Promise<string> {
  const { headers } = await import("next/headers");
  return supportedLocale((await headers()).get("accept-language"));
}

/** The person's formatter for this request (server components). */
export async function formatterFor(userId: string): Promise<{ format: Formatter; preferences: DisplayPreferences; locale: string }> {
  const [preferences, locale] = await Promise.all([getDisplayPreferences(userId), requestLocale()]);
  return { format: createFormatter(preferences, locale), preferences, locale };
}
