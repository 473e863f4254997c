import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { ProviderModule } from "@/lib/providers/types";
import { sandboxedDefinitions } from "./env";
import { json, readBody, redirect, Router, send, type SandboxResponse } from "./http";
import { loadSandboxModule, ProviderSandbox } from "./provider";
import { announce, recipients, workoutEndingNow, type PushChange, type PushOutcome } from "./push";
import { recordPage, recordPagePath } from "./record-page";
import { SandboxState } from "./state";

/**
 * One local HTTP server standing in for every registered provider that has an API, in each one's
 * wire format, mounted under /<provider> at the paths of its definition's endpoints. Tests steer it
 * through POST /__control.
 */
export interface Sandbox {
  url: string;
  state: SandboxState;
  close(): Promise<void>;
}

const controlSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reset") }),
  z.object({ action: z.literal("latency"), provider: z.string(), ms: z.number().int().min(0).max(120_000) }),
  z.object({
    action: z.literal("fail"),
    provider: z.string(),
    count: z.number().int().min(1),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().min(0).optional(),
    target: z.enum(["api", "token", "all"]).default("api"),
  }),
  z.object({ action: z.literal("expire-tokens"), provider: z.string() }),
  /** The next API answers of a provider are 200 with a body of the wrong shape. */
  z.object({ action: z.literal("malform"), provider: z.string(), count: z.number().int().min(1) }),
  z.object({ action: z.literal("revoke-tokens"), provider: z.string() }),
  z.object({ action: z.literal("token-lifetime"), provider: z.string().optional(), seconds: z.number().int().min(1) }),
  /** Items in the provider's wire format; an id it already has is a change. Its webhooks go out unless `notify` is false. */
  z.object({
    action: z.literal("add-activities"),
    provider: z.string(),
    items: z.array(z.unknown()),
    athlete: z.string().optional(),
    uploadedNow: z.boolean().optional(),
    notify: z.boolean().default(true),
    forgeWebhook: z.boolean().default(false),
  }),
  /** An item added through the control API, edited by its owner at the provider (renamed, say). */
  z.object({ action: z.literal("change-activity"), provider: z.string(), id: z.string(), forgeWebhook: z.boolean().default(false) }),
  z.object({ action: z.literal("delete-activities"), provider: z.string(), ids: z.array(z.string()).min(1), forgeWebhook: z.boolean().default(false) }),
  /** A workout that just ended, in the provider's format, for an athlete who consented there. */
  z.object({
    action: z.literal("record-activity"),
    provider: z.string(),
    athlete: z.string(),
    sport: z.enum(["run", "ride", "swim", "walk", "hike", "strength"]).default("run"),
    forgeWebhook: z.boolean().default(false),
  }),
  /** The athlete withdraws the app's access at the provider (and the provider says so, where it does). */
  z.object({ action: z.literal("deauthorize"), provider: z.string(), athlete: z.string(), forgeWebhook: z.boolean().default(false) }),
  z.object({ action: z.literal("webhook-target"), url: z.url().nullable() }),
]);

type ControlCommand = z.infer<typeof controlSchema>;

/** What a webhook-sending command did: the new item's id, and each delivery's answer. */
async function notifying(state: SandboxState, command: Extract<ControlCommand, { provider: string }>): Promise<SandboxResponse> {
  const provider = command.provider;
  const timeline = state.timeline(provider);
  const push = state.pushes.get(provider);
  let webhooks: PushOutcome[] = [];
  let id: string | undefined;
  let item: unknown;
  let name: string | undefined;
  switch (command.action) {
    case "add-activities": {
      if (!timeline) return json({ error: `${provider} takes no activities` }, 400);
      const stored = timeline.upsert(command.items, { owner: command.athlete, uploadedNow: command.uploadedNow });
      if (!command.notify) break;
      const changes: PushChange[] = stored.flatMap(({ entry, created }) =>
        recipients(state, provider, entry.owner).map((account) => ({ kind: created ? ("created" as const) : ("updated" as const), account, entry })),
      );
      webhooks = await announce(state, provider, changes, { forged: command.forgeWebhook });
      break;
    }
    case "change-activity": {
      const entry = timeline?.get(command.id);
      if (!entry || !push?.edited) return json({ error: `${provider} has no item ${command.id} that the sandbox can edit` }, 400);
      const changed = timeline!.upsert([push.edited(entry.item)], { owner: entry.owner, uploadedNow: true })[0]!.entry;
      item = changed.item;
      const changes = recipients(state, provider, changed.owner).map((account) => ({ kind: "updated" as const, account, entry: changed }));
      webhooks = await announce(state, provider, changes, { forged: command.forgeWebhook });
      break;
    }
    case "delete-activities": {
      if (!timeline) return json({ error: `${provider} takes no activities` }, 400);
      const removed = timeline.remove(command.ids);
      const changes: PushChange[] = removed.flatMap((entry) => recipients(state, provider, entry.owner).map((account) => ({ kind: "deleted" as const, account, entry })));
      webhooks = await announce(state, provider, changes, { forged: command.forgeWebhook });
      break;
    }
    case "record-activity": {
      const [account] = recipients(state, provider, command.athlete);
      if (!timeline || !push) return json({ error: `${provider} sends no webhooks from the sandbox` }, 400);
      if (!account) return json({ error: `nobody named ${command.athlete} has consented at ${provider} yet` }, 400);
      const workout = workoutEndingNow(provider, command.sport);
      const { entry } = timeline.upsert([push.item(workout, account)], { owner: account.owner, uploadedNow: true })[0]!;
      id = entry.id;
      item = entry.item;
      name = workout.name;
      webhooks = await announce(state, provider, [{ kind: "created", account, entry }], { forged: command.forgeWebhook });
      break;
    }
    case "deauthorize": {
      const accounts = recipients(state, provider, command.athlete);
      if (accounts.length === 0) return json({ error: `nobody named ${command.athlete} has consented at ${provider}` }, 400);
      // A forged notice withdraws nothing at the provider.
      if (!command.forgeWebhook) {
        for (const account of accounts) {
          if (push?.revoke) push.revoke(account);
          else state.revokeAthlete(provider, account.athlete.key);
        }
      }
      webhooks = await announce(state, provider, accounts.map((account) => ({ kind: "deauthorized" as const, account })), { forged: command.forgeWebhook });
      break;
    }
  }
  return json({ ok: true, ...(id ? { id } : {}), ...(name ? { name } : {}), ...(item === undefined ? {} : { item }), webhooks });
}

async function control(state: SandboxState, body: unknown): Promise<SandboxResponse> {
  const parsed = controlSchema.safeParse(body);
  if (!parsed.success) return json({ error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, 400);
  const command = parsed.data;
  const providers = [...state.providers];
  if ("provider" in command && command.provider !== undefined && !state.providers.has(command.provider)) {
    return json({ error: `unknown provider ${command.provider}` }, 400);
  }
  switch (command.action) {
    case "reset":
      state.reset();
      break;
    case "latency":
      state.latency.set(command.provider, command.ms);
      break;
    case "fail":
      state.failures.set(command.provider, { count: command.count, status: command.status, retryAfterSeconds: command.retryAfterSeconds, target: command.target });
      break;
    case "malform":
      state.malformed.set(command.provider, command.count);
      break;
    case "expire-tokens":
      state.expireAll(command.provider);
      break;
    case "revoke-tokens":
      state.revokeAll(command.provider);
      break;
    case "token-lifetime":
      for (const provider of command.provider ? [command.provider] : providers) state.lifetimes.set(provider, command.seconds);
      break;
    case "webhook-target":
      state.webhookTarget = command.url ?? undefined;
      break;
    case "add-activities":
    case "change-activity":
    case "delete-activities":
    case "record-activity":
    case "deauthorize":
      return notifying(state, command);
  }
  return json({ ok: true });
}

export async function startSandbox(
  options: {
    port?: number;
    host?: string;
    withDataset?: boolean;
    unlimitedRates?: boolean;
    modules?: readonly ProviderModule[];
    /** The app's base URL, where webhooks go (the control API's `webhook-target` changes it). */
    appUrl?: string;
  } = {},
): Promise<Sandbox> {
  const state = new SandboxState({ withDataset: options.withDataset, unlimitedRates: options.unlimitedRates, webhookTarget: options.appUrl });
  const router = new Router();
  const definitions = sandboxedDefinitions(options.modules);
  for (const definition of definitions) {
    const providerModule = await loadSandboxModule(definition.id);
    if (providerModule.recordings) state.recordingProfiles.set(definition.id, providerModule.recordings);
    providerModule.register(new ProviderSandbox(definition, state, router));
    state.providers.add(definition.id);
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const method = req.method ?? "GET";
      const { raw, parsed } = await readBody(req);

      if (url.pathname === "/health") return send(res, json({ status: "ok" }));
      if (url.pathname === "/__control" && method === "POST") return send(res, await control(state, parsed));
      if (url.pathname === "/__control/webhooks" && method === "GET") {
        const provider = url.searchParams.get("provider");
        return send(res, json({ webhooks: state.pushLog.filter((sent) => !provider || sent.provider === provider) }));
      }
      if (url.pathname === recordPagePath && method === "GET") return send(res, recordPage(state, definitions, url.searchParams));
      if (url.pathname === recordPagePath && method === "POST") {
        const [provider, athlete] = String(parsed.account ?? "").split("|");
        const answer = await control(state, { action: "record-activity", provider, athlete, sport: parsed.sport });
        const result = JSON.parse(answer.body ?? "{}") as { error?: string; name?: string; webhooks?: PushOutcome[] };
        const sent = { status: result.webhooks?.map((w) => w.status ?? "none").join(",") || "none", name: result.name ?? "" };
        const query = new URLSearchParams({ provider: provider ?? "", ...(result.error ? { error: result.error } : sent) });
        return send(res, redirect(`${recordPagePath}?${query}`));
      }
      if (url.pathname === "/__control/requests" && method === "GET") {
        const provider = url.searchParams.get("provider");
        const pathIncludes = url.searchParams.get("pathIncludes");
        const requests = state.requests.filter((r) => (!provider || r.provider === provider) && (!pathIncludes || r.path.includes(pathIncludes)));
        return send(res, json({ requests }));
      }

      const match = router.match(method, url.pathname);
      if (!match) return send(res, json({ error: "not_found", path: url.pathname }, 404));
      const { route, params } = match;

      let response: SandboxResponse;
      const failure = state.failures.get(route.provider);
      const failable = route.kind !== "page";
      if (failable && failure && failure.count > 0 && (failure.target === "all" || failure.target === route.kind)) {
        failure.count -= 1;
        const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { "Retry-After": String(failure.retryAfterSeconds) } : {};
        response = json({ error: failure.status === 429 ? "rate_limited" : "sandbox_failure" }, failure.status, headers);
      } else if (route.kind === "api" && (state.malformed.get(route.provider) ?? 0) > 0) {
        state.malformed.set(route.provider, state.malformed.get(route.provider)! - 1);
        response = json({ unexpected: "shape", data: "not a list" });
      } else {
        const delay = failable ? (state.latency.get(route.provider) ?? 0) : 0;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        response = await route.handler({ method, url, headers: req.headers, params, body: parsed, rawBody: raw });
      }
      // Paths only: query strings can hold tokens (COROS) and are never recorded.
      state.requests.push({ provider: route.provider, method, path: url.pathname, query: url.search, status: response.status, at: new Date().toISOString() });
      if (state.requests.length > 20_000) state.requests.splice(0, 10_000);
      send(res, response);
    } catch (error) {
      send(res, json({ error: "sandbox_error", message: error instanceof Error ? error.message : String(error) }, 500));
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
