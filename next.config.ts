import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package folder; bundling it breaks that.
  // pg is a Node library that gains nothing from bundling; @node-rs/argon2 loads a native binding (.node file) for
  // the platform at run time. rate-limiter-flexible imports drizzle-orm by a computed name, which a bundler cannot
  // follow. pdfkit still reads data files next to its own code (colour profiles, fonts named by path); fontkit, which
  // we call too, stays beside it so the process loads one copy of it, not a bundled one and pdfkit's.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "rate-limiter-flexible", "pdfkit", "fontkit"],
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user on a page their role may not see.
    authInterrupts: true,
    // Material uploads travel in the wizard's form post: up to 20 MiB per field (ZMaterialField.maxSizeKb), and
    // a page may hold a few. Larger posts are refused by Next before any of our code runs.
    serverActions: { bodySizeLimit: "50mb" },
  },
};

export default withNextIntl(nextConfig);
