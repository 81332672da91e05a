/**
 * The nginx of the replicas test: round robin over the replicas (no sticky sessions: nothing ties a browser to one),
 * the headers docs/OPERATIONS.md asks of the proxy in front, and two additions for the test only — a response header
 * and a log line naming the replica that answered, so the checks can tell which one did.
 */
export function nginxConfig({ folder, port, upstreams, root }: { folder: string; port: number; upstreams: number[]; root: boolean }): string {
  return `# Written by scripts/replicas/nginx-config.ts for one run of npm run test:replicas.
daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
${root ? "user root;\n" : ""}events { worker_connections 256; }
http {
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  # Which replica answered, and how: no path or query (they may carry what a log must not).
  log_format replicas '$upstream_addr $upstream_status $status';
  access_log ${folder}/access.log replicas;

  upstream onedoor_replicas {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=30s;`).join("\n")}
    keepalive 16;
    # Shorter than the replicas keep an idle connection (75 s, scripts/start.mjs): nginx closes first, never reusing
    # a connection the replica is closing.
    keepalive_timeout 60s;
  }

  server {
    listen 127.0.0.1:${port};
    # Above the application's own limit (65 MiB), so that e2e/security-headers.spec.ts meets the application's 413 page
    # it checks; in production use 65m (docs/OPERATIONS.md) and let nginx refuse larger bodies unread.
    client_max_body_size 80m;
    location / {
      proxy_pass http://onedoor_replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      add_header X-OneDoor-Upstream $upstream_addr always;
    }
  }
}
`;
}
