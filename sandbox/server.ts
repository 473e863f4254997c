import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { ProviderModule } from "@/lib/providers/types";
import { sandboxedDefinitions } from "./env";
import { json, readBody, Router, send, type SandboxResponse } from "./http";
import { loadSandboxModule, ProviderSandbox } from "./provider";
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
  z.object({
    action: z.literal("add-activities"),
    provider: z.string(),
    items: z.array(z.unknown()),
    athlete: z.string().optional(),
    uploadedNow: z.boolean().optional(),
  }),
]);

function control(state: SandboxState, body: unknown): SandboxResponse {
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
    case "add-activities":
      if (!state.timeline(command.provider)) return json({ error: `${command.provider} takes no activities` }, 400);
      state.timeline(command.provider)!.upsert(command.items, { owner: command.athlete, uploadedNow: command.uploadedNow });
      break;
  }
  return json({ ok: true });
}

export async function startSandbox(
  options: { port?: number; host?: string; withDataset?: boolean; unlimitedRates?: boolean; modules?: readonly ProviderModule[] } = {},
): Promise<Sandbox> {
  const state = new SandboxState({ withDataset: options.withDataset, unlimitedRates: options.unlimitedRates });
  const router = new Router();
  for (const definition of sandboxedDefinitions(options.modules)) {
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
      if (url.pathname === "/__control" && method === "POST") return send(res, control(state, parsed));
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
