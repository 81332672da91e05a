/**
 * An admin retires a bundle: it leaves the catalog, no application of it starts (startDraft) or is submitted (intake
 * refuses a draft begun before), and its items can no longer change. Cases already submitted keep their tasks in each
 * department's queue and go on to their end.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { bundleRecord, loadItemDrafts } from "./change-bundle-items";

export async function retireBundle({ db, actor, bundleCode }: { db: TDatabase; actor: TActor; bundleCode: string }): Promise<TResult<{ code: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isCatalogCode(bundleCode)) return fail("not-found:bundle");
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(bundles).where(eq(bundles.code, bundleCode)).for("update");
      if (!before) throw new RefusalRollback(fail("not-found:bundle"));
      if (before.retiredAt) throw new RefusalRollback(fail("conflict:bundle-retired"));
      const items = await loadItemDrafts(tx, before.id);
      const [after] = await tx.update(bundles).set({ retiredAt: new Date() }).where(eq(bundles.id, before.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "bundle", entityId: after.id, action: "retire", before: bundleRecord(before, items), after: bundleRecord(after, items) });
      return { ok: true as const, code: after.code };
    }),
  );
  // startDraft and intake read the bundle through the reference cache: this process refuses it at once.
  if (result.ok) forgetReferences(db);
  return result;
}
