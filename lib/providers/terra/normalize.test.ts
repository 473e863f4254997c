import { describe, expect, it } from "vitest";
import { loadFixture } from "@/test/fixtures";
import { normalizeBatch } from "../normalize-kit";
import { normalizeTerraActivity } from "./normalize";

type Webhook = { data: { metadata: Record<string, unknown> }[] };

describe("normalizeTerraActivity", () => {
  it("reads the activity event constructed from Terra's schema examples", () => {
    const { data } = loadFixture("terra-activity-webhook.constructed.json") as Webhook;
    expect(normalizeTerraActivity(data[0])).toMatchObject({
      provider: "terra",
      providerActivityId: "123e4567-e89b-12d3-a456-426614174000",
      name: "Morning Run",
      sport: "run",
      sportType: "8",
      startTime: new Date("2022-10-28T08:00:00Z"), // 09:00+01:00
      utcOffsetMinutes: 60,
      elapsedSeconds: 3600,
      movingSeconds: 1800,
      distanceMeters: 10000,
      elevationGainMeters: 550,
      averageHeartRate: 145,
      maxHeartRate: 180,
      calories: 650,
      device: "Forerunner 945",
    });
  });

  it("reads enum 1 as biking (not running) and ignores deletion notices", () => {
    const { data } = loadFixture("terra-activity-webhook.constructed.json") as Webhook;
    const ride = { ...data[0], metadata: { ...data[0]!.metadata, type: 1 } };
    expect(normalizeTerraActivity(ride)?.sport).toBe("ride");
    const deleted = { ...data[0], metadata: { ...data[0]!.metadata, upload_type: 4 } };
    expect(normalizeTerraActivity(deleted)).toBeNull();
    const batch = normalizeBatch([deleted, data[0]], normalizeTerraActivity);
    expect(batch).toMatchObject({ skipped: 0 });
    expect(batch.activities).toHaveLength(1);
  });

  it("sends documented activity types through the sport table and keeps the number as the label", () => {
    const of = (type: number | undefined) =>
      normalizeTerraActivity({ metadata: { summary_id: "s", start_time: "2025-03-01T07:00:00Z", end_time: "2025-03-01T07:30:00Z", type } });
    expect(of(133)).toMatchObject({ sport: "run", sportType: "133" }); // INDOOR_RUNNING
    expect(of(67)?.sport).toBe("nordic_ski"); // Cross Country Skiing
    expect(of(37)?.sport).toBe("equestrian"); // Horseback Riding
    expect(of(154)?.sport).toBe("mobility"); // Physical Therapy
    expect(of(108)?.sport).toBe("other"); // Other
    expect(of(2)?.sport).toBe("other"); // not in the enum
    expect(of(undefined)).toMatchObject({ sport: "other", sportType: null });
  });

  it("reads times without an offset as UTC and shows no offset", () => {
    const a = normalizeTerraActivity({ metadata: { summary_id: "s", start_time: "2025-03-01T07:00:00", end_time: "2025-03-01T07:30:00", type: 7 } });
    expect(a).toMatchObject({ startTime: new Date("2025-03-01T07:00:00Z"), utcOffsetMinutes: null, elapsedSeconds: 1800, sport: "walk" });
  });

  it("the webhook acknowledgement and widget session answers are not activities", () => {
    const batch = normalizeBatch([loadFixture("terra-data-sent-to-webhook.json"), loadFixture("terra-widget-session-response.json")], normalizeTerraActivity);
    expect(batch).toMatchObject({ activities: [], skipped: 2 });
  });
});
