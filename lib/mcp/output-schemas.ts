import { z } from "zod";
import { activityFields, type ActivityFieldName, type FieldSpec } from "@/lib/activity/fields";
import { sports } from "@/lib/activity/sports";

/**
 * What each tool answers, as zod schemas: the SDK publishes them as `outputSchema` and checks
 * every `structuredContent` against them. Every answer is the seed's envelope — `success` with
 * `result`, or `error` — so structured and text content say the same thing.
 */
export function envelope<T extends z.ZodType>(result: T) {
  return {
    success: z.boolean().describe("false when the tool could not do what was asked; `error` then says why."),
    result: result.optional().describe("The answer, when success is true."),
    error: z.string().optional().describe("What went wrong, in words, when success is false."),
  };
}

const valueSchemas: Record<FieldSpec["type"], z.ZodType> = {
  text: z.string(),
  sport: z.enum(sports),
  real: z.number(),
  integer: z.number().int(),
  instant: z.string().describe("ISO 8601 instant (UTC)"),
};

/** The values every activity records, from the one declared field list. */
function activityValuesShape(): Record<ActivityFieldName, z.ZodType> {
  const shape = {} as Record<ActivityFieldName, z.ZodType>;
  for (const [name, spec] of Object.entries(activityFields) as [ActivityFieldName, FieldSpec][]) {
    const value = valueSchemas[spec.type].describe(spec.label);
    shape[name] = spec.nullable ? value.nullable() : value;
  }
  return shape;
}

export const activityValuesSchema = z.object(activityValuesShape());

export const feedItemSchema = z.object({
  id: z.string().describe("The workout's id, for get_activity."),
  ...activityValuesShape(),
  provider: z.string().describe("The provider whose record is shown."),
  providerActivityId: z.string(),
  url: z.string().nullable(),
  alsoOn: z
    .array(z.object({ provider: z.string(), id: z.string(), url: z.string().nullable(), reason: z.string().nullable().describe("Why it is taken for the same workout.") }))
    .describe("Other records of the same workout."),
  legs: z
    .array(
      z.object({
        provider: z.string(),
        id: z.string(),
        sport: z.string(),
        startTime: z.string(),
        elapsedSeconds: z.number().nullable(),
        distanceMeters: z.number().nullable(),
      }),
    )
    .describe("A multisport workout's legs, in order."),
});

export const providerListSchema = z.object({
  defaultProvider: z.string(),
  providers: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      configured: z.boolean(),
      connection: z.string(),
      dataTypes: z.array(z.string()),
      isDefault: z.boolean(),
    }),
  ),
});

export const connectionStatusSchema = z.object({
  providers: z.record(
    z.string(),
    z.object({
      connected: z.boolean(),
      status: z.string(),
      displayName: z.string(),
      account: z.string().nullable(),
      lastSyncAt: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const connectResultSchema = z.object({
  provider: z.string(),
  connected: z.boolean(),
  message: z.string(),
  authorizationUrl: z.string().optional().describe("Open in a browser signed in to Pierre Connect to finish connecting."),
  expiresInSeconds: z.number().optional(),
});

export const disconnectResultSchema = z.object({
  provider: z.string(),
  notice: z.string(),
  revokedAtProvider: z.boolean(),
  activitiesDeleted: z.number().int(),
});

export const feedPageSchema = z.object({
  items: z.array(feedItemSchema),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page."),
});

export const syncRunSchema = z.object({
  results: z.record(
    z.string(),
    z.object({
      fetched: z.number().int(),
      inserted: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      error: z.string().nullable(),
      retryAt: z.string().nullable(),
      needsReconnect: z.boolean().optional(),
    }),
  ),
});

export const workoutDetailSchema = z.object({
  activity: feedItemSchema,
  sources: z.array(
    z.object({
      provider: z.string(),
      providerActivityId: z.string(),
      activityId: z.string(),
      primary: z.boolean().describe("The record whose values the merged workout shows."),
      role: z.enum(["primary", "copy", "leg", "part"]).describe("copy: the same workout recorded again; leg: part of a multisport record; part: a detector's fragment."),
      reason: z.string().nullable().describe("Why this record is taken for the same workout."),
      url: z.string().nullable(),
      values: activityValuesSchema,
    }),
  ),
  summary: z.string(),
});

const totalsSchema = z.object({
  count: z.number().int(),
  seconds: z.number().describe("Moving time where known, else elapsed time."),
  distanceMeters: z.number(),
  elevationGainMeters: z.number(),
});

export const trainingSummarySchema = z.object({
  groupBy: z.enum(["week", "month"]),
  sport: z.string().nullable(),
  from: z.string().describe("First local day of the first period."),
  to: z.string().describe("First local day after the last period."),
  periods: z.array(z.object({ start: z.string(), end: z.string(), totals: totalsSchema, bySport: z.record(z.string(), totalsSchema) })),
  totals: totalsSchema,
});

export const groupingChangeSchema = z.object({
  id: z.string().describe("The workout's id now (ids change when records move between workouts)."),
  message: z.string(),
});
