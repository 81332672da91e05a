import { getDb } from "@/db/client";
import { listCheckpoints, ZCheckpointPage } from "@/server/audit/list-checkpoints";

export const dynamic = "force-dynamic";

/**
 * The audit trail's signed checkpoints, public, oldest first: ?after=<last id you hold>&limit=<1–1000>. Keep copies
 * outside the portal (docs/OPERATIONS.md); `npm run audit:verify` finds a chain that no longer reaches one.
 */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const page = ZCheckpointPage.safeParse(params);
  if (!page.success) {
    return Response.json({ error: "invalid:query", message: "after must be a checkpoint id (a whole number ≥ 0), limit a whole number from 1 to 1000" }, { status: 400 });
  }
  const result = await listCheckpoints({ db: getDb(), ...page.data });
  return Response.json(result, { headers: { "Cache-Control": "public, max-age=60" } });
}
