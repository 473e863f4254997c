import "server-only";
import { getDisplayPreferences } from "@/lib/preferences";
import type { GroupBy } from "./periods";
import { trainingSummary, type TrainingSummary } from "./summary";
import { trainingLoad, type TrainingLoadPoint } from "./training-load";

export interface TrainingOverview {
  summary: TrainingSummary;
  /** Fitness, fatigue and form over the last 180 days. */
  load: TrainingLoadPoint[];
}

/** What the dashboard's totals and trends show: the last 12 weeks (or months) and the load curve. */
export async function trainingOverview(userId: string, groupBy: GroupBy, now = new Date()): Promise<TrainingOverview> {
  const { weekStart } = await getDisplayPreferences(userId);
  const [summary, load] = await Promise.all([trainingSummary(userId, { groupBy, weekStart }, now), trainingLoad(userId, { days: 180, now })]);
  return { summary, load };
}
