import fs from "node:fs";

/** Removes the run's embedded database once the server has stopped. */
export default function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir && dataDir.includes("onedoor-e2e-")) fs.rmSync(dataDir, { recursive: true, force: true });
}
