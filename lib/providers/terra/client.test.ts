import { beforeEach, describe, expect, it } from "vitest";
import { configureHttpDefaults } from "@/lib/providers/http";
import { loadFixture } from "@/test/fixtures";
import { fakeFetch, jsonResponse, testConfig, testHttp } from "@/test/fake-fetch";
import { TerraClient } from "./client";
import { terraDefinition } from "./definition";

const config = testConfig(terraDefinition, {
  authUrl: "https://terra.test/api/v2/auth/generateWidgetSession",
  apiBaseUrl: "https://terra.test/api/v2",
  revokeUrl: "https://terra.test/api/v2/auth/deauthenticateUser",
  clientId: "dev-1",
  clientSecret: "key-1",
});

function clientWith(handler: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(handler);
  return { client: new TerraClient(terraDefinition, config, { http: testHttp(terraDefinition, fake.fetch) }), calls: fake.calls };
}

describe("TerraClient", () => {
  beforeEach(() => configureHttpDefaults({ initialBackoffMs: 1, maxBackoffMs: 2 }));

  it("opens a widget session with the app keys, returning to our callback with the state", async () => {
    const { client, calls } = clientWith(() => jsonResponse(loadFixture("terra-widget-session-response.json")));
    const url = await client.beginConnect({ userId: "user-1", state: "st4te", redirectUri: "http://localhost:3000/api/providers/terra/callback" });
    expect(url.toString()).toBe("https://widget.tryterra.co/session/344d475f-296a-489a-a88c-54183671dafd");
    expect(calls[0]!.headers.get("dev-id")).toBe("dev-1");
    expect(calls[0]!.headers.get("x-api-key")).toBe("key-1");
    expect(await calls[0]!.json()).toMatchObject({
      reference_id: "user-1",
      auth_success_redirect_url: "http://localhost:3000/api/providers/terra/callback?state=st4te",
      auth_failure_redirect_url: "http://localhost:3000/api/providers/terra/callback?state=st4te&error=access_denied",
    });
  });

  it("completes only with a Terra user that Terra itself says was made for this person", async () => {
    const terraSays = (user: Record<string, unknown>) => clientWith(() => jsonResponse({ status: "success", user }));
    const mine = terraSays({ user_id: "t-1", reference_id: "user-1", active: true, provider: "GARMIN" });
    await expect(mine.client.completeConnect(new URLSearchParams({ user_id: "t-1", reference_id: "user-1" }), { userId: "user-1" })).resolves.toEqual({
      accessToken: "t-1",
      providerUserId: "t-1",
    });
    expect(new URL(mine.calls[0]!.url).searchParams.get("user_id")).toBe("t-1");
    expect(mine.calls[0]!.headers.get("x-api-key")).toBeTruthy();
    // The URL claims this person, Terra says the user belongs to someone else.
    const theirs = terraSays({ user_id: "t-1", reference_id: "user-2", active: true });
    await expect(theirs.client.completeConnect(new URLSearchParams({ user_id: "t-1", reference_id: "user-1" }), { userId: "user-1" })).rejects.toMatchObject({
      code: "oauth_state_invalid",
    });
    const unknown = clientWith(() => jsonResponse({ status: "error", message: "user not found" }, { status: 404 }));
    await expect(unknown.client.completeConnect(new URLSearchParams({ user_id: "t-9", reference_id: "user-1" }), { userId: "user-1" })).rejects.toMatchObject({
      code: "oauth_state_invalid",
    });
    const { client } = clientWith(() => jsonResponse({}));
    await expect(client.completeConnect(new URLSearchParams({ user_id: "t-1", reference_id: "user-2" }), { userId: "user-1" })).rejects.toMatchObject({
      code: "oauth_state_invalid",
    });
    await expect(client.completeConnect(new URLSearchParams({ reference_id: "user-1" }), { userId: "user-1" })).rejects.toMatchObject({
      code: "oauth_exchange_failed",
    });
  });

  it("reads activities synchronously in windows of at most 28 days", async () => {
    const { data } = loadFixture("terra-activity-webhook.constructed.json") as { data: unknown[] };
    const { client, calls } = clientWith(() => jsonResponse({ user: {}, type: "activity", data }));
    await client.setCredentials({ accessToken: "t-1", providerUserId: "t-1" });
    const batch = await client.fetchActivities({ after: new Date("2025-01-01T00:00:00Z"), before: new Date("2025-03-01T00:00:00Z") });
    expect(calls).toHaveLength(3);
    const query = Object.fromEntries(new URL(calls[0]!.url).searchParams);
    expect(query).toEqual({ user_id: "t-1", start_date: "1735689600", end_date: "1738108800", to_webhook: "false", with_samples: "false" });
    expect(batch.activities).toHaveLength(3);
  });

  it("deauthenticates the Terra user on revoke", async () => {
    const { client, calls } = clientWith(() => jsonResponse({ status: "success" }));
    await client.setCredentials({ accessToken: "t-1", providerUserId: "t-1" });
    await client.revoke();
    expect(calls[0]!.method).toBe("DELETE");
    expect(new URL(calls[0]!.url).searchParams.get("user_id")).toBe("t-1");
  });
});
