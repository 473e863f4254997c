import "server-only";
import { eventsSince, latestSeq } from "./index";

/** How often a stream looks for new events (any process may have written them). */
const POLL_MS = 1000;
/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * A text/event-stream of the person's events from now on (or after the `Last-Event-ID` a
 * reconnecting browser sends), until the client goes away.
 */
export async function liveEvents(userId: string, request: Request): Promise<Response> {
  const resumeFrom = Number(request.headers.get("last-event-id"));
  let seq = Number.isInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : await latestSeq(userId);
  const encoder = new TextEncoder();
  let timer: NodeJS.Timeout | undefined;
  let lastWrite = Date.now();
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // The client is gone already.
        }
      };
      const send = (text: string) => {
        controller.enqueue(encoder.encode(text));
        lastWrite = Date.now();
      };
      // Sent at once: the browser knows the stream is open, and how soon to come back if it drops.
      send(`retry: 2000\n: connected\n\n`);
      const tick = async () => {
        if (closed) return;
        try {
          for (const { seq: next, event } of await eventsSince(userId, seq)) {
            seq = next;
            send(`id: ${next}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
          }
          if (Date.now() - lastWrite > KEEPALIVE_MS) send(": keep-alive\n\n");
          timer = setTimeout(() => void tick(), POLL_MS);
        } catch {
          close();
        }
      };
      timer = setTimeout(() => void tick(), POLL_MS);
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
