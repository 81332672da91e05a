import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { uploadBodyLimit } from "./lib/http/body-limit";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package folder; bundling it breaks that.
  // pg is a Node library that gains nothing from bundling; @node-rs/argon2 loads a native binding (.node file) for
  // the platform at run time. pdfkit still reads data files next to its own code (colour profiles, fonts named by
  // path); fontkit, which we call too, stays beside it so the process loads one copy of it, not a bundled one and
  // pdfkit's. drizzle-orm is loaded by Node, not bundled, so the whole server shares one copy of it:
  // instrumentation.ts patches that copy so failed queries carry no parameters (db/redact-query-errors.ts), and a
  // bundled second copy in each route would escape the patch. rate-limiter-flexible's drizzle store imports
  // drizzle-orm by a computed name, which a bundler cannot follow.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "pdfkit", "fontkit", "drizzle-orm", "rate-limiter-flexible"],
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user on a page their role may not see.
    authInterrupts: true,
    // proxy.ts refuses a post over its own limit (1 MiB, an upload page's own for someone signed in) by its
    // Content-Length before the body is read; these two are the ceiling behind it. Next.js copies a body into
    // memory for the proxy up to proxyClientMaxBodySize and silently cuts it there, so that must hold the largest
    // upload a page may take (lib/http/body-limit.ts).
    serverActions: { bodySizeLimit: uploadBodyLimit },
    proxyClientMaxBodySize: uploadBodyLimit,
  },
};

export default withNextIntl(nextConfig);
