import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: migrations are committed and applied by scripts/setup.ts, never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
