/**
 * An admin retires a department (merged into another, dissolved): it takes no new tasks — intake refuses a case
 * that would give it one (server/intake/submit-application.ts) — and no new staff. Refused while it still has open
 * tasks (they would be stranded) or active staff (move or disable them first), with the counts.
 *
 * The department row is locked first, then counted: a task submitted meanwhile waits for the lock's end and then
 * finds the department retired in intake's cache within 10 s; a clerk moved in by another admin waits likewise.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { countDepartmentWork, isUuid } from "./find-department";
import { departmentRecord } from "./save-department";

export async function retireDepartment({ db, actor, departmentId }: { db: TDatabase; actor: TActor; departmentId: string }): Promise<TResult<{ code: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(departmentId)) return fail("not-found:department");
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(departments).where(eq(departments.id, departmentId)).for("update");
      if (!before) throw new RefusalRollback(fail("not-found:department"));
      if (before.retiredAt) throw new RefusalRollback(fail("conflict:department-retired"));
      const { openTasks, activeStaff } = await countDepartmentWork(tx, before.id);
      if (openTasks > 0) throw new RefusalRollback(fail("conflict:department-has-open-tasks", { count: openTasks }));
      if (activeStaff > 0) throw new RefusalRollback(fail("conflict:department-has-active-staff", { count: activeStaff }));
      const [after] = await tx.update(departments).set({ retiredAt: new Date() }).where(eq(departments.id, before.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "department", entityId: after.id, action: "retire", before: departmentRecord(before), after: departmentRecord(after) });
      return { ok: true as const, code: after.code };
    }),
  );
  if (result.ok) forgetReferences(db);
  return result;
}
