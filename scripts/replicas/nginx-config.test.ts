import { describe, expect, it } from "vitest";
import { nginxConfig } from "./nginx-config";

describe("the replicas test's nginx", () => {
  const config = nginxConfig({ folder: "/tmp/x/nginx", port: 3312, upstreams: [3310, 3311], root: false });

  it("sends requests round robin over every replica, with nothing that ties a browser to one", () => {
    expect(config).toContain("server 127.0.0.1:3310 max_fails=1 fail_timeout=30s;");
    expect(config).toContain("server 127.0.0.1:3311 max_fails=1 fail_timeout=30s;");
    for (const sticky of ["ip_hash", "hash ", "sticky", "least_conn"]) expect(config).not.toContain(sticky);
  });

  it("passes on what the application needs from the proxy (docs/OPERATIONS.md) and names the replica that answered", () => {
    for (const header of ["Host $http_host", "X-Forwarded-Host $http_host", "X-Forwarded-Proto $scheme", "X-Forwarded-For $proxy_add_x_forwarded_for"]) {
      expect(config).toContain(`proxy_set_header ${header};`);
    }
    expect(config).toContain("add_header X-OneDoor-Upstream $upstream_addr always;");
    // The log names the replica and the status, never a path or query.
    expect(config).toContain("log_format replicas '$upstream_addr $upstream_status $status';");
    expect(config).not.toMatch(/\$request|\$uri|\$args/);
  });

  it("runs as the user it was started by, unless root (whose workers would otherwise be nobody, unable to write its folder)", () => {
    expect(config).not.toContain("user root;");
    expect(nginxConfig({ folder: "/tmp/x/nginx", port: 3312, upstreams: [3310, 3311], root: true })).toContain("user root;");
  });
});
