import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import { z } from "zod";
import { streamsFromSamples, type ActivityStreams } from "@/lib/streams/streams";
import type { ActivityBatch, Athlete, StreamRequest } from "../types";
import { generateWorkouts } from "./generator";
import { syntheticTrack } from "./track";

const stored = z.object({
  sport: z.string(),
  elapsedSeconds: z.number(),
  movingSeconds: z.number().nullish(),
  distanceMeters: z.number().nullable(),
  elevationGainMeters: z.number().nullable(),
  averageHeartRate: z.number().nullable(),
  maxHeartRate: z.number().nullable(),
});

/** Generated data: no network, no tokens; the account id seeds the generator. */
export class SyntheticClient extends BaseFitnessProvider {
  private seed(): string {
    const seed = this.requireTokens().providerUserId;
    if (!seed) throw new AppError("needs_reconnect", "The synthetic connection has no account id. Reconnect Synthetic.");
    return seed;
  }

  async getAthlete(): Promise<Athlete> {
    return { id: this.seed(), name: "Synthetic athlete" };
  }

  /** Generated like the workouts themselves: the same record always has the same streams. */
  async fetchStreams(activity: StreamRequest): Promise<ActivityStreams | null> {
    const workout = stored.safeParse(activity.raw);
    if (!workout.success) return null;
    return streamsFromSamples(syntheticTrack({ seed: `${this.seed()}:${activity.providerActivityId}`, ...workout.data }));
  }

  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    yield { activities: generateWorkouts(this.seed(), window), skipped: 0, problems: [] };
  }
}
