import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addressBucketOf, sourceAddressOf } from "./source-address";

describe("sourceAddressOf", () => {
  it("takes the rightmost entry when no proxy is trusted, whatever the client wrote before it", () => {
    expect(sourceAddressOf({ forwardedFor: "1.2.3.4, 5.6.7.8, 203.0.113.9", trustedProxyCount: 0 })).toBe("203.0.113.9");
  });

  it("counts trusted proxies leftwards from the rightmost entry", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7, 10.0.0.2, 10.0.0.1";
    expect(sourceAddressOf({ forwardedFor, trustedProxyCount: 1 })).toBe("10.0.0.2");
    expect(sourceAddressOf({ forwardedFor, trustedProxyCount: 2 })).toBe("198.51.100.7");
  });

  it("takes the leftmost entry when there are fewer entries than trusted proxies", () => {
    expect(sourceAddressOf({ forwardedFor: "127.0.0.1", trustedProxyCount: 1 })).toBe("127.0.0.1");
  });

  it("reads an IPv4-mapped IPv6 peer as the IPv4 address, and refuses what is not an address", () => {
    expect(sourceAddressOf({ forwardedFor: "::ffff:127.0.0.1", trustedProxyCount: 0 })).toBe("127.0.0.1");
    expect(sourceAddressOf({ forwardedFor: "unknown", trustedProxyCount: 0 })).toBeNull();
    expect(sourceAddressOf({ forwardedFor: null, trustedProxyCount: 0 })).toBeNull();
    expect(sourceAddressOf({ forwardedFor: " , ", trustedProxyCount: 0 })).toBeNull();
  });
});

describe("addressBucketOf", () => {
  it("keeps an IPv4 address and counts IPv6 by its /64", () => {
    expect(addressBucketOf("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucketOf("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(addressBucketOf("2001:0db8:0000:0001:ffff:0:0:2")).toBe("2001:db8:0:1::/64");
    expect(addressBucketOf("::1")).toBe("0:0:0:0::/64");
    expect(addressBucketOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressBucketOf(null)).toBe("unknown");
  });
});

describe("scripts/peer-address.cjs", () => {
  it("appends the connection's peer to an X-Forwarded-For the client sent, so the rightmost entry is true", async () => {
    const preload = path.resolve("scripts/peer-address.cjs");
    const server = spawn(
      process.execPath,
      [
        "--require",
        preload,
        "-e",
        `const s = require("node:http").createServer((q, r) => r.end(String(q.headers["x-forwarded-for"])));
         s.listen(0, "127.0.0.1", () => console.log(s.address().port));`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const port = await new Promise<number>((resolve) => server.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))));
      const forged = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6" } });
      expect(await forged.text()).toBe("6.6.6.6, 127.0.0.1");
      const plain = await fetch(`http://127.0.0.1:${port}/`);
      expect(await plain.text()).toBe("127.0.0.1");
    } finally {
      server.kill();
    }
  });
});
