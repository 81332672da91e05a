/**
 * An admin retires a service (abolished, merged into another) or brings it back. A retired service leaves the
 * catalog, search and the department filter, and intake refuses it (startDraft at once, submit for a draft begun
 * before); its open cases and tasks carry on, since they were accepted under it. A bundle holding it stays: intake
 * refuses only a case its routing would send to the retired service (decision 031).
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { lockService } from "./lock-service";

export async function setServiceRetired({ db, actor, code, retired }: { db: TDatabase; actor: TActor; code: string; retired: boolean }): Promise<TResult<object>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockService(tx, code);
      if (retired && before.retiredAt) throw new RefusalRollback(fail("conflict:service-retired"));
      if (!retired && !before.retiredAt) throw new RefusalRollback(fail("conflict:service-not-retired"));
      const [after] = await tx
        .update(services)
        .set({ retiredAt: retired ? new Date() : null })
        .where(eq(services.id, before.id))
        .returning({ retiredAt: services.retiredAt });
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: before.id, action: retired ? "retire" : "restore", before: { code, retiredAt: before.retiredAt }, after: { code, retiredAt: after.retiredAt } });
      return { ok: true as const };
    }),
  );
  // Intake reads the service through the reference cache: this process refuses (or offers) it at once.
  if (result.ok) forgetReferences(db);
  return result;
}
