import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("believes only the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" }), [])).toBe("203.0.113.9");
    expect(clientAddress(headers({ [PEER_HEADER]: "::ffff:203.0.113.9" }), [])).toBe("203.0.113.9");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), [])).toBe("unknown");
  });

  it("reads X-Forwarded-For from the right when the peer is a trusted proxy, skipping trusted hops", () => {
    const trusted = ["10.0.0.0/8", "127.0.0.1"];
    expect(clientAddress(headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.7, 10.1.2.3" }), trusted)).toBe("198.51.100.7");
    // A forged first hop is not believed: the rightmost untrusted address is the client.
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "6.6.6.6, 198.51.100.7" }), trusted)).toBe("198.51.100.7");
    // A peer that is not a trusted proxy is the client itself.
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }), trusted)).toBe("203.0.113.9");
    // Garbage in the chain stops the walk at the proxy.
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "not-an-ip" }), trusted)).toBe("10.0.0.5");
  });
});
