import { BlockList, isIP } from "node:net";

/**
 * The header our server sets on every request from the TCP peer's address, overwriting whatever a
 * client sent (see `trackPeerAddresses`). Next.js only fills X-Forwarded-For when it is absent,
 * so that header alone is whatever the client chose.
 */
export const PEER_HEADER = "x-pierre-peer-address";

function blockList(trusted: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of trusted) {
    const [address, bits] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

function plain(address: string): string {
  // IPv4 peers on a dual-stack socket arrive as ::ffff:a.b.c.d.
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function trustedBy(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Who is on the other end. X-Forwarded-For is believed only when the peer is a trusted proxy, and
 * then read from the right, skipping trusted hops: the first address a trusted proxy did not
 * vouch for is the client.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustedProxies: readonly string[]): string {
  const peer = plain(headers.get(PEER_HEADER) ?? "");
  if (!peer) return "unknown";
  if (trustedProxies.length === 0) return peer;
  const list = blockList(trustedProxies);
  if (!trustedBy(list, peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return peer;
    if (!trustedBy(list, hop)) return hop;
  }
  return hops[0] ?? peer;
}
