import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "../base";
import type { ActivityBatch, Athlete } from "../types";
import { generateWorkouts } from "./generator";

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

  async *streamActivities(window: { after: Date; before: Date }): AsyncGenerator<ActivityBatch> {
    yield { activities: generateWorkouts(this.seed(), window), skipped: 0, problems: [] };
  }
}
