import { sql } from "drizzle-orm";
import { checkDatabase } from "@/db/availability";
import { getDatabaseHandle } from "@/db/client";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for load balancers: 200 `{"status":"ok","database":…}` only when the database answers;
 * otherwise 503 `{"status":"unavailable"}`, within 2 s (PostgreSQL is given 1.5 s, whatever its connection timeouts).
 */
export async function GET() {
  const handle = getDatabaseHandle();
  const answers =
    handle.kind === "postgresql"
      ? await checkDatabase({ timeoutMs: 1_500 })
      : await handle.db.execute(sql`select 1`).then(
          () => true,
          () => false,
        );
  if (!answers) return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
  return Response.json({ status: "ok", database: handle.kind }, { headers: { "Cache-Control": "no-store" } });
}
