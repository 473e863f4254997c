import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { BaseFitnessProvider } from "./base";
import type { ProviderHttp, ProviderRequest, ProviderResponse } from "./http";
import { synthetic } from "./synthetic";
import type { ActivityBatch, Athlete } from "./types";

/** A client whose requests are answered by the test: a token is accepted only if it is the current one. */
class Client extends BaseFitnessProvider {
  async getAthlete(): Promise<Athlete> {
    return { id: "a", name: "A" };
  }
  async *streamActivities(): AsyncGenerator<ActivityBatch> {}
  read(path: string) {
    return this.http.request<{ ok: boolean }>(this.apiUrl(path), { headers: this.bearer() });
  }
}

describe("a rejected access token", () => {
  it("is refreshed once and retried, even when another request replaced the tokens while this one was out", async () => {
    let current = "t1";
    const refreshed: string[] = [];
    const released: (() => void)[] = [];
    const http: ProviderHttp = {
      async request<T>(_url: string | URL, request: ProviderRequest = {}): Promise<ProviderResponse<T>> {
        const sent = String(request.headers?.authorization).replace("Bearer ", "");
        // The first requests with the old token are held until both are in flight.
        if (sent === "t1") await new Promise<void>((resolve) => released.push(resolve));
        if (sent !== current) throw new AppError("needs_reconnect", "HTTP 401");
        return { data: { ok: true } as T, status: 200, headers: new Headers() };
      },
    };
    const client = new Client(synthetic.definition, { name: "synthetic", authUrl: "", tokenUrl: "", apiBaseUrl: "https://api.example", defaultScopes: [], redirectUri: "http://localhost:3000/cb" }, { http });
    await client.setCredentials(
      { accessToken: "t1" },
      {
        refresh: async (rejected) => {
          refreshed.push(rejected);
          current = "t2";
          return { accessToken: "t2" };
        },
      },
    );
    const both = Promise.all([client.read("/a"), client.read("/b")]);
    while (released.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    current = "t-expired-at-the-provider";
    released.shift()!();
    // The first request refreshes to t2; only then does the second one's 401 come back.
    await new Promise((resolve) => setTimeout(resolve, 5));
    released.shift()!();
    const answers = await both;
    expect(answers.map((answer) => answer.data)).toEqual([{ ok: true }, { ok: true }]);
    // Both name the token they sent; the store answers the second with the tokens already renewed.
    expect(refreshed).toEqual(["t1", "t1"]);
  });
});
