/**
 * The key that encrypts session cookies: AUTH_SECRET from the environment, else the one `npm start` generated
 * into DATA_DIR. Read by Auth.js (next-auth.ts) and by proxy.ts, which opens a session cookie to tell a signed-in
 * poster from an anonymous one.
 */
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/server/env";

export function readAuthSecret(): string | undefined {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR), "auth-secret");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}
