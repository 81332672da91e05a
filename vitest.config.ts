import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,server,db,scripts,components}/**/*.test.ts"],
    environment: "node",
    // Integration tests open their own database each; PGlite boots in ~1 s, so give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
