import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GET, POST } from "@/app/api/webhooks/[id]/route";
import { jobHandlers } from "@/lib/background";
import { getJobQueue } from "@/lib/background/queue";
import { newOwner } from "@/lib/jobs/leases";

/**
 * The app's webhook route (`/api/webhooks/<id>`, the real route module) on a loopback port, so a
 * sandbox can deliver to it over HTTP as providers do; every other path is 404.
 */
export async function serveWebhookRoute(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const handler = url.pathname.startsWith("/api/webhooks/") ? (req.method === "GET" ? GET : req.method === "POST" ? POST : undefined) : undefined;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(url, { method: req.method, headers, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs every due webhook and sync job in this process, one at a time, until none is left (what
 * the worker would do), and returns the errors of those that failed.
 */
export async function runDueJobs(kinds: readonly string[] = ["webhook", "sync"]): Promise<string[]> {
  const queue = getJobQueue();
  const owner = newOwner();
  const failures: string[] = [];
  for (let ran = 0; ran < 500; ran++) {
    const job = await queue.claim(owner, kinds, 60_000);
    if (!job) return failures;
    try {
      await jobHandlers[job.kind]!(job.payload, { job, progress: async () => undefined });
      await queue.complete(job.id, owner);
    } catch (error) {
      failures.push(`${job.kind} ${job.key ?? job.id}: ${error instanceof Error ? error.message : String(error)}`);
      await queue.fail(job.id, owner, String(error), null);
    }
  }
  throw new Error("jobs kept coming: more than 500 in one run");
}
