/**
 * Where a request comes from, for the sign-in throttle. The server is started with scripts/peer-address.cjs, which
 * appends the connection's peer to X-Forwarded-For, so the rightmost entry is always true; each trusted proxy in
 * front of us (TRUSTED_PROXY_COUNT) appended the peer it saw before that. Entries further left were written by the
 * client and are never read.
 */
import { isIP } from "node:net";

export function sourceAddressOf({ forwardedFor, trustedProxyCount }: { forwardedFor: string | null; trustedProxyCount: number }): string | null {
  if (!forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer entries than trusted hops: the request skipped a proxy (or came from one directly); every entry there is
  // one a trusted hop wrote, and the leftmost is the one nearest the client.
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxyCount)];
  const address = hop.startsWith("::ffff:") && isIP(hop.slice(7)) === 4 ? hop.slice(7) : hop;
  return isIP(address) ? address : null;
}

/**
 * The throttle's bucket for an address: an IPv4 address itself, an IPv6 address's /64 — one subscriber usually holds
 * a whole /64, so counting single IPv6 addresses would give an attacker 2^64 fresh budgets.
 */
export function addressBucketOf(address: string | null): string {
  if (address === null) return "unknown";
  if (isIP(address) === 4) return address;
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, written without leading zeros ("::" expanded). */
function ipv6Groups(address: string): string[] {
  const withoutZone = address.split("%")[0];
  const [head, tail] = withoutZone.split("::");
  const parse = (part: string | undefined) =>
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ipv4AsGroups(group) : [group])) : [];
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16).toString(16));
}

function ipv4AsGroups(dotted: string): string[] {
  const [a, b, c, d] = dotted.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
