/**
 * Waits for PostgreSQL to answer before setting it up: replicas and their database often start together (a
 * compose file, a restarted host), and a setup that gave up at once would have the orchestrator restart it in a
 * tight loop. A failure that waiting cannot cure (a wrong password, a missing database) is raised at once.
 */
import { isConnectionFailure } from "./availability";

export async function waitForDatabase({
  ask,
  timeoutMs,
  intervalMs = 2_000,
  log = console.log,
}: {
  /** A trivial question to the database (`select 1`). */
  ask: () => Promise<unknown>;
  timeoutMs: number;
  intervalMs?: number;
  log?: (line: string) => void;
}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await ask();
      return;
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      const reason = describeFailure(error);
      if (Date.now() + intervalMs > deadline) {
        throw new Error(`PostgreSQL did not answer within ${Math.round(timeoutMs / 1000)} s (${reason}). Check DATABASE_URL and that the server runs, then start again.`, { cause: error });
      }
      log(`setup: PostgreSQL does not answer yet (${reason}); trying again in ${Math.round(intervalMs / 1000)} s, until ${new Date(deadline).toISOString()}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

function describeFailure(error: unknown): string {
  for (let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (typeof current.code === "string") return current.code;
    if (typeof current.message === "string" && current.message) return current.message;
  }
  return "no answer";
}
