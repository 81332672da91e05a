/**
 * Runs once when a Next.js server starts (never during `next build`): opens the database at once, so a second
 * server pointed at the same DATA_DIR fails immediately with the name of the process that holds it, instead of
 * at its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { getDatabaseHandle } = await import("@/db/client");
  const { DataDirLockedError } = await import("@/db/data-dir-lock");
  try {
    getDatabaseHandle();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`[onedoor] ${error.message}`);
      process.exit(3);
    }
    throw error;
  }
}
