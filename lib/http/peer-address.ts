import http from "node:http";
import { PEER_HEADER } from "./client-address";

let installed = false;

/**
 * Stamps every incoming request with its TCP peer's address, replacing any header of that name a
 * client sent. Installed once at start-up, before the server accepts requests.
 */
export function trackPeerAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args]);
  } as typeof http.Server.prototype.emit;
}
