import "server-only";
import { listDedupCandidates, setActivityGroup, type Transaction } from "@/lib/db/queries";
import type { Sport } from "@/lib/providers/types";
import { groupDuplicates } from "./dedup";

/**
 * Recomputes a user's duplicate groups inside the caller's transaction and writes only the rows
 * whose group or primary flag changed. Called after every sync batch and every disconnect, so a
 * group re-forms when one of its sources comes or goes.
 */
export function regroupUser(tx: Transaction, userId: string, sourcePriority: readonly string[]): { changed: number } {
  const rows = listDedupCandidates(tx, userId);
  const assignments = groupDuplicates(
    rows.map((row) => ({
      id: row.id,
      provider: row.provider,
      sport: row.sport as Sport,
      startMs: row.startTime.getTime(),
      elapsedSeconds: row.elapsedSeconds,
      movingSeconds: row.movingSeconds,
      distanceMeters: row.distanceMeters,
    })),
    sourcePriority,
  );
  let changed = 0;
  for (const row of rows) {
    const assignment = assignments.get(row.id);
    if (!assignment || (assignment.groupId === row.groupId && assignment.isPrimary === row.isPrimary)) continue;
    setActivityGroup(tx, row.id, assignment.groupId, assignment.isPrimary);
    changed++;
  }
  return { changed };
}
