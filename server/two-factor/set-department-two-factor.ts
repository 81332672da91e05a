/**
 * An admin requires (or stops requiring) a second factor of a department's clerks and counter staff. Those not yet
 * enrolled are held to /account/two-factor from their next page on (server/auth/require-actor.ts); nobody is signed
 * out, since their password sign-in stays as good as it was.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { departmentRecord } from "@/server/departments/save-department";
import { isUuid } from "@/server/departments/find-department";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";

export async function setDepartmentTwoFactor({ db, actor, departmentId, required }: { db: TDatabase; actor: TActor; departmentId: string; required: boolean }): Promise<TResult<{ changed: boolean }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(departmentId)) return fail("not-found:department");
  return catchRefusal(
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(departments).where(eq(departments.id, departmentId)).for("update");
      if (!before) throw new RefusalRollback(fail("not-found:department"));
      if (before.twoFactorRequired === required) return { ok: true as const, changed: false };
      const [after] = await tx.update(departments).set({ twoFactorRequired: required }).where(eq(departments.id, before.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "department", entityId: after.id, action: required ? "require-two-factor" : "stop-requiring-two-factor", before: departmentRecord(before), after: departmentRecord(after) });
      return { ok: true as const, changed: true };
    }),
  );
}
