import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ProviderStatus } from "@/lib/connections/service";
import { ProviderCard } from "./provider-card";

/** A retired provider's status as the service reports it; each test changes what it is about. */
function retired(overrides: Partial<ProviderStatus> = {}, successor: Partial<NonNullable<NonNullable<ProviderStatus["retirement"]>["successor"]>> = {}): ProviderStatus {
  return {
    id: "oldco",
    displayName: "OldCo",
    description: "Workouts from OldCo.",
    brandColor: "#123456",
    logo: null,
    connection: "oauth2",
    configured: true,
    connected: true,
    status: "connected",
    reason: null,
    credentialVariables: ["PIERRE_OLDCO_CLIENT_ID", "PIERRE_OLDCO_CLIENT_SECRET"],
    account: { id: "A1", name: "Ann" },
    connectedAt: "2026-10-01T00:00:00.000Z",
    lastSyncAt: "2026-10-02T00:00:00.000Z",
    lastSyncError: null,
    lastSyncCounts: { fetched: 3, inserted: 3, updated: 0, skipped: 0 },
    nextSyncAfter: null,
    syncing: false,
    history: null,
    retirement: {
      since: "2026-11-02",
      reason: "OldCo turned its API off on 2 November 2026.",
      successor: { id: "newco", displayName: "NewCo", configured: true, connected: false, connectUrl: "/api/providers/newco/connect", ...successor },
    },
    ...overrides,
  };
}

const render = (provider: ProviderStatus) =>
  renderToStaticMarkup(createElement(ProviderCard, { provider, syncing: false, onSync: () => undefined, onDisconnect: () => undefined }));

describe("a retired provider's card", () => {
  it("when connected: explains the shutdown and offers the move to the successor", () => {
    const html = render(retired());
    expect(html).toContain("OldCo turned its API off on 2 November 2026.");
    expect(html).toContain("stay in your history");
    expect(html).toContain('href="/api/providers/newco/connect"');
    expect(html).toContain("Move to NewCo");
    expect(html).toContain("Disconnect OldCo");
  });

  it("without credentials: says it is retired, offers no connect and no set-up, and still offers the move", () => {
    const html = render(retired({ configured: false, connected: false, status: "retired", reason: "OldCo is retired.", account: null, lastSyncAt: null, lastSyncCounts: null }));
    expect(html).toContain('data-status="retired"');
    expect(html).toContain(">Retired<");
    expect(html).not.toContain("Connect OldCo");
    expect(html).not.toContain("PIERRE_OLDCO_CLIENT_ID");
    expect(html).toContain("Move to NewCo");
  });

  it("once the successor is connected: says where the data comes from, with nothing left to move", () => {
    const html = render(retired({ connected: false, status: "disconnected", account: null }, { connected: true }));
    expect(html).toContain("Your data now comes from NewCo.");
    expect(html).not.toContain("Move to NewCo");
  });

  it("when the successor is not configured here: says so instead of offering a move that cannot work", () => {
    const html = render(retired({}, { configured: false }));
    expect(html).toContain("NewCo is not configured on this server yet.");
    expect(html).not.toContain("Move to NewCo");
  });
});
