import "server-only";
import { ATOMIC, getStore, type Sql } from "@/lib/db";

/** Records a delivery; false when it was already received (a replay). */
export async function recordDelivery(tx: Sql, provider: string, deliveryId: string, now = Date.now()): Promise<boolean> {
  const rows = await tx.query<{ provider: string }>(
    "INSERT INTO webhook_deliveries (provider, delivery_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING provider",
    [provider, deliveryId, now],
  );
  return rows.length > 0;
}

export async function pruneDeliveries(before: Date): Promise<number> {
  const rows = await getStore().transaction((tx) =>
    tx.query<{ provider: string }>("DELETE FROM webhook_deliveries WHERE received_at < ? RETURNING provider", [before.getTime()]),
    ATOMIC,
  );
  return rows.length;
}

/** The app's subscription at a provider (Strava's push subscription), if one was made. */
export async function findSubscription(provider: string): Promise<{ externalId: string | null; callbackUrl: string; status: string; lastError: string | null; updatedAt: Date } | null> {
  const [row] = await getStore().query<{ external_id: string | null; callback_url: string; status: string; last_error: string | null; updated_at: number }>(
    "SELECT external_id, callback_url, status, last_error, updated_at FROM webhook_subscriptions WHERE provider = ?",
    [provider],
  );
  return row ? { externalId: row.external_id, callbackUrl: row.callback_url, status: row.status, lastError: row.last_error, updatedAt: new Date(Number(row.updated_at)) } : null;
}

export async function saveSubscription(provider: string, values: { externalId: string | null; callbackUrl: string; status: "active" | "failed"; lastError: string | null }): Promise<void> {
  await getStore().transaction((tx) =>
    tx.query(
      "INSERT INTO webhook_subscriptions (provider, external_id, callback_url, status, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (provider) DO UPDATE SET external_id = excluded.external_id, callback_url = excluded.callback_url, status = excluded.status, " +
        "last_error = excluded.last_error, updated_at = excluded.updated_at",
      [provider, values.externalId, values.callbackUrl, values.status, values.lastError, Date.now()],
    ),
    ATOMIC,
  );
}
