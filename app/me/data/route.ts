/**
 * GET /me/data: everything the portal holds about the signed-in person, as one JSON file to keep
 * (server/identity/export-my-data.ts). Never cached; nothing of it in the address or the log.
 */
import { getDb } from "@/db/client";
import { toIsoDate } from "@/lib/calendar/working-days";
import { contentDisposition } from "@/lib/http/content-disposition";
import { requireActor } from "@/server/auth/require-actor";
import { exportMyData } from "@/server/identity/export-my-data";

export async function GET() {
  const actor = await requireActor({ handler: "/me/data", method: "GET", returnTo: "/me/data" });
  const now = new Date();
  const data = await exportMyData({ db: getDb(), actor, now });
  const fileName = `onedoor-my-data-${toIsoDate(now)}.json`;
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition({ kind: "attachment", fileName, asciiName: fileName }),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
