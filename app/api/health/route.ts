import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers: 200 only when the database answers. */
export async function GET() {
  const handle = getDatabaseHandle();
  try {
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: handle.kind });
  } catch {
    return Response.json({ status: "error", database: handle.kind }, { status: 503 });
  }
}
