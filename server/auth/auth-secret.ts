/**
 * The key that encrypts session cookies: AUTH_SECRET from the environment, else the one `npm start` generated
 * into DATA_DIR. Read by Auth.js (next-auth.ts) and by proxy.ts, which opens a session cookie to tell a signed-in
 * poster from an anonymous one.
 */
import fs from "node:fs";
import path from "node:path";

export function readAuthSecret(): string | undefined {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data"), "auth-secret");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}
