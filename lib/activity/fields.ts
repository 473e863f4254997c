import type { Sport } from "./sports";

/**
 * The one declared list of what an activity records. The normalized shape every provider produces,
 * the database columns of both engines, the feed item, change detection and the filling of a
 * merged workout's gaps are all derived from it: adding a metric is one entry here (and a
 * generated migration).
 */
export interface FieldSpec {
  /** Column name in both database engines. */
  column: string;
  type: "text" | "sport" | "real" | "integer" | "instant";
  nullable: boolean;
  /** A merged workout takes this value from another source when its primary lacks it. */
  fillable: boolean;
  /** Shown on the activity page's side-by-side table. */
  label: string;
}

export const activityFields = {
  name: { column: "name", type: "text", nullable: false, fillable: false, label: "Name" },
  sport: { column: "sport", type: "sport", nullable: false, fillable: false, label: "Sport" },
  /** The provider's own label, e.g. Strava's "MountainBikeRide". */
  sportType: { column: "sport_type", type: "text", nullable: true, fillable: false, label: "Type at the source" },
  startTime: { column: "start_time", type: "instant", nullable: false, fillable: false, label: "Start" },
  /** Offset of the activity's local time from UTC, in minutes (east positive). */
  utcOffsetMinutes: { column: "utc_offset_minutes", type: "integer", nullable: true, fillable: true, label: "UTC offset" },
  elapsedSeconds: { column: "elapsed_seconds", type: "real", nullable: true, fillable: true, label: "Elapsed time" },
  movingSeconds: { column: "moving_seconds", type: "real", nullable: true, fillable: true, label: "Moving time" },
  distanceMeters: { column: "distance_meters", type: "real", nullable: true, fillable: true, label: "Distance" },
  elevationGainMeters: { column: "elevation_gain_meters", type: "real", nullable: true, fillable: true, label: "Elevation gain" },
  averageHeartRate: { column: "average_heart_rate", type: "real", nullable: true, fillable: true, label: "Average heart rate" },
  maxHeartRate: { column: "max_heart_rate", type: "real", nullable: true, fillable: true, label: "Max heart rate" },
  calories: { column: "calories", type: "real", nullable: true, fillable: true, label: "Calories" },
  device: { column: "device", type: "text", nullable: true, fillable: true, label: "Device" },
} as const satisfies Record<string, FieldSpec>;

export type ActivityFieldName = keyof typeof activityFields;

type ValueOfType<T extends FieldSpec["type"]> = T extends "text"
  ? string
  : T extends "sport"
    ? Sport
    : T extends "real" | "integer"
      ? number
      : Date;

type ValueOf<F extends FieldSpec> = F["nullable"] extends true ? ValueOfType<F["type"]> | null : ValueOfType<F["type"]>;

/** The values of one activity, as every provider normalizes them. */
export type ActivityValues = { [K in ActivityFieldName]: ValueOf<(typeof activityFields)[K]> };

/** The same values as JSON carries them (instants as ISO strings). */
export type ActivityValuesJson = { [K in ActivityFieldName]: (typeof activityFields)[K]["type"] extends "instant" ? string : ActivityValues[K] };

export const activityFieldNames = Object.keys(activityFields) as ActivityFieldName[];

export const fillableFields = activityFieldNames.filter((name) => activityFields[name].fillable);

/** The values of any object that has them (a row, a normalized activity), in declaration order. */
export function pickActivityValues(source: ActivityValues): ActivityValues {
  const values = {} as Record<ActivityFieldName, unknown>;
  for (const name of activityFieldNames) values[name] = source[name];
  return values as ActivityValues;
}

export function activityValuesToJson(values: ActivityValues): ActivityValuesJson {
  const json = {} as Record<ActivityFieldName, unknown>;
  for (const name of activityFieldNames) {
    const value = values[name];
    json[name] = value instanceof Date ? value.toISOString() : value;
  }
  return json as ActivityValuesJson;
}

/**
 * The primary's values with its gaps filled, field by field, from the other sources in priority
 * order; `sources` says where each shown value came from.
 */
export function mergeActivityValues<T extends ActivityValues & { provider: string }>(
  primary: T,
  others: readonly T[],
): { values: ActivityValues; sources: Record<ActivityFieldName, string | null> } {
  const values = pickActivityValues(primary) as Record<ActivityFieldName, unknown>;
  const sources = {} as Record<ActivityFieldName, string | null>;
  for (const name of activityFieldNames) {
    sources[name] = values[name] === null ? null : primary.provider;
    if (values[name] !== null || !activityFields[name].fillable) continue;
    const donor = others.find((other) => other[name] !== null);
    if (donor) {
      values[name] = donor[name];
      sources[name] = donor.provider;
    }
  }
  return { values: values as ActivityValues, sources };
}
