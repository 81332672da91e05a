import { getDb } from "@/db/client";
import { listSigningKeys } from "@/server/licences/list-signing-keys";

export const dynamic = "force-dynamic";

/**
 * The public keys that sign e-licences, retired ones included (they still verify what they signed). Another system
 * verifies a QR code offline with these: inflate its `d`, check `s` over those bytes with the key named by `k`.
 * Cached briefly: a rotation must reach verifiers within a minute.
 */
export async function GET() {
  const keys = await listSigningKeys({ db: getDb() });
  return Response.json({ keys }, { headers: { "Cache-Control": "public, max-age=60" } });
}
