import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { fakeClient, jsonResponse, testConfig } from "@/test/fake-fetch";
import { PolarClient } from "./client";
import { polarDefinition } from "./definition";

const config = testConfig(polarDefinition, { apiBaseUrl: "https://polar.test/v3", revokeUrl: "https://polar.test/v3/users" });

const clientWith = (handler: (request: Request) => Response | Promise<Response>) => fakeClient(PolarClient, polarDefinition, config, handler, { accessToken: "polar-at", providerUserId: "10579" });

describe("PolarClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("registers the user after connecting, and accepts 'already registered'", async () => {
    const { client, calls } = await clientWith(() => jsonResponse({ message: "User already registered" }, { status: 409 }));
    await client.onConnected({ userId: "our-user-1" });
    expect(calls[0]!.method).toBe("POST");
    expect(new URL(calls[0]!.url).pathname).toBe("/v3/users");
    expect(await calls[0]!.json()).toEqual({ "member-id": "our-user-1" });
  });

  it("lists exercises once and keeps those in the window", async () => {
    const exercise = (id: string, start: string) => ({ id, start_time: start, start_time_utc_offset: 60, duration: "PT1H", sport: "RUNNING" });
    const { client, calls } = await clientWith(() => jsonResponse([exercise("a", "2025-03-01T08:00:00"), exercise("b", "2025-01-01T08:00:00")]));
    const batch = await client.fetchActivities({ after: new Date("2025-02-01T00:00:00Z"), before: new Date("2025-04-01T00:00:00Z") });
    expect(batch.activities.map((a) => a.providerActivityId)).toEqual(["a"]);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).pathname).toBe("/v3/exercises");
  });

  it("names the athlete from the user record and deletes the user to revoke", async () => {
    const { client, calls } = await clientWith((request) =>
      request.method === "DELETE" ? new Response(null, { status: 204 }) : jsonResponse({ "polar-user-id": 10579, "first-name": "Eka", "last-name": "Toka" }),
    );
    await expect(client.getAthlete()).resolves.toEqual({ id: "10579", name: "Eka Toka" });
    expect(new URL(calls[0]!.url).pathname).toBe("/v3/users/10579");
    await client.revoke();
    expect(calls[1]!.method).toBe("DELETE");
    expect(new URL(calls[1]!.url).pathname).toBe("/v3/users/10579");
  });
});
