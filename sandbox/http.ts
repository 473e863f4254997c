import type { IncomingMessage, ServerResponse } from "node:http";

/** The few HTTP helpers the sandbox needs over node:http. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  params: Record<string, string>;
  /** Form or JSON body, as strings (JSON objects keep their values). */
  body: Record<string, unknown>;
  rawBody: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** JSON text written by hand, for provider payloads with integers beyond 2^53. */
export const rawJson = (text: string, status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: text,
});

export const html = (body: string, status = 200): SandboxResponse => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, body });

export const redirect = (location: string): SandboxResponse => ({ status: 302, headers: { location } });

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function readBody(req: IncomingMessage): Promise<{ raw: string; parsed: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json") && raw.trim()) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      return { raw, parsed: parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {} };
    } catch {
      return { raw, parsed: {} };
    }
  }
  return { raw, parsed: Object.fromEntries(new URLSearchParams(raw)) };
}

export function send(res: ServerResponse, response: SandboxResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? "");
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;
/** Requests to pages never fail on purpose; token and API requests can (see the control API). */
export type RouteKind = "page" | "token" | "api";

export interface Route {
  method: string;
  provider: string;
  kind: RouteKind;
  path: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export class Router {
  readonly routes: Route[] = [];

  add(method: string, provider: string, kind: RouteKind, path: string, handler: Handler): void {
    // Paths come from provider definitions: two endpoints landing on one path is a definition to fix, not a route to shadow.
    if (this.routes.some((route) => route.method === method && route.path === path)) throw new Error(`The sandbox already serves ${method} ${path}.`);
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, key: string) => (keys.push(key), "([^/]+)"))}$`);
    this.routes.push({ method, provider, kind, path, pattern, keys, handler });
  }

  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(pathname);
      if (m) return { route, params: Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)])) };
    }
    return undefined;
  }
}
