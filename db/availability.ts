/**
 * Whether PostgreSQL answers, as this server process last saw it — so that while it does not, /api/health says so
 * at once and every page answers "service unavailable" (503) instead of failing or waiting on a dead connection.
 *
 * The process hears of an outage from what already happens: an idle pooled connection dropping (a server shut
 * down or restarted), a request failing to connect or losing its connection (instrumentation.ts onRequestError),
 * the outbox worker failing, a health check. And while requests come in, it asks a `select 1` every couple of
 * seconds over a connection of its own, in the background, so a database that silently stopped answering (a dead
 * network: nothing is refused, everything waits) is noticed within seconds, not when a statement times out.
 * While the database is down, the next request looks again (shared by the requests that arrive meanwhile, at most
 * every half second) and waits for that answer, so the portal recovers by itself as soon as it answers.
 *
 * Kept on globalThis: Next.js evaluates modules more than once in one process (the proxy, the app, instrumentation),
 * and they must share one view. This module imports nothing, so the proxy stays light. The embedded database
 * (PGlite) registers no probe: it lives in this process and is never "unreachable".
 */

type TState = {
  available: boolean;
  /** When the database last answered or failed to (ms since the epoch). */
  seenAt: number;
  /** Asks the database something trivial; set by db/client.ts for the process's PostgreSQL pool. */
  probe?: () => Promise<unknown>;
  /** A probe under way, shared by everyone who asks meanwhile. */
  probing?: Promise<boolean>;
};

const globalForAvailability = globalThis as typeof globalThis & { __onedoorDatabaseAvailability?: TState };
const state = (globalForAvailability.__onedoorDatabaseAvailability ??= { available: true, seenAt: 0 });

/** How long a failed look stands before the next request looks again. */
const recheckAfterMs = 500;
/** How long a good answer stands, while requests come in, before one of them has the database asked again. */
const confirmAfterMs = 2_000;

// Errors that mean "cannot reach the database" (as opposed to a bad query, a timeout of one statement, or a pool
// whose connections are all busy, which say nothing about whether PostgreSQL is there).
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "ECONNABORTED"]);
// admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections.
const unavailableSqlStates = new Set(["57P01", "57P02", "57P03", "53300"]);
const unavailableMessages = [/^Connection terminated/, /^timeout expired$/, /^Query read timeout$/, /not queryable/];

/** Whether `error` (or what caused it: drizzle wraps driver errors) says the database cannot be reached. */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (networkCodes.has(code) || unavailableSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === "string" && unavailableMessages.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isConnectionFailure(inner, depth + 1))) return true;
  return isConnectionFailure(cause, depth + 1);
}

function markAvailable() {
  if (!state.available) console.warn("[db] PostgreSQL answers again");
  state.available = true;
  state.seenAt = Date.now();
}

function markUnavailable(error: unknown) {
  if (state.available) console.error(`[db] PostgreSQL is unreachable (${describe(error)}); pages answer 503 until it answers again`);
  state.available = false;
  state.seenAt = Date.now();
}

function describe(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === "string" && part).join(": ") || "unknown error";
}

/** Called by db/client.ts for the process's own PostgreSQL pool. */
export function watchDatabase(probe: () => Promise<unknown>) {
  state.probe = probe;
}

/** Records a failure if it is one of reaching the database; says whether it was. */
export function noteDatabaseFailure(error: unknown): boolean {
  if (!state.probe || !isConnectionFailure(error)) return false;
  markUnavailable(error);
  return true;
}

/** Asks the database now (one shared `select 1`), waiting at most `timeoutMs`; records and returns the answer. */
export function checkDatabase({ timeoutMs }: { timeoutMs: number }): Promise<boolean> {
  const probe = state.probe;
  if (!probe) return Promise.resolve(true);
  state.probing ??= new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      markUnavailable(new Error(`no answer within ${timeoutMs} ms`));
      resolve(false);
    }, timeoutMs);
    probe().then(
      () => {
        clearTimeout(timer);
        markAvailable();
        resolve(true);
      },
      (error: unknown) => {
        clearTimeout(timer);
        markUnavailable(error);
        resolve(false);
      },
    );
  }).finally(() => {
    state.probing = undefined;
  });
  return state.probing;
}

/**
 * For each request: true at once while the database is taken to be up (asking again in the background when the
 * last answer is a couple of seconds old); while it is down, false, unless the last look is older than half a
 * second, in which case this request looks again (at most `timeoutMs`).
 */
export async function isDatabaseAvailable({ timeoutMs }: { timeoutMs: number }): Promise<boolean> {
  if (state.available) {
    if (state.probe && !state.probing && Date.now() - state.seenAt >= confirmAfterMs) void checkDatabase({ timeoutMs });
    return true;
  }
  if (Date.now() - state.seenAt < recheckAfterMs && !state.probing) return false;
  return checkDatabase({ timeoutMs });
}
