import { generateKeyPairSync, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests sign e-licences and seal personal data with throw-away keys of their own, never ones from a DATA_DIR on this machine.
const licenceSigningKey = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const licenceHashKey = randomBytes(32).toString("base64");
const dataEncryptionKey = randomBytes(32).toString("base64");

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{app,lib,server,db,seed,scripts,components}/**/*.test.ts"],
    environment: "node",
    env: { LICENCE_SIGNING_KEY: licenceSigningKey, LICENCE_HASH_KEY: licenceHashKey, DATA_ENCRYPTION_KEY: dataEncryptionKey },
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    // Integration tests open their own database each; PGlite boots in ~1 s, so give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
