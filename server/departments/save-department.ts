/**
 * An admin adds a department or changes one (names in three languages, code, contact), with the change record in
 * the same transaction. A retired department may still be corrected; it stays retired.
 */
import { and, eq, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { readDepartmentInput, type TDepartmentInput, type TDepartmentRefusal } from "./department-input";
import { isUuid } from "./find-department";

export type TSaveDepartmentResult = { ok: true; departmentId: string; created: boolean } | TDepartmentRefusal | TAppError;

export async function saveDepartment({
  db,
  actor,
  departmentId,
  input,
}: {
  db: TDatabase;
  actor: TActor;
  /** The department to change; absent to add one. */
  departmentId?: string;
  input: Partial<TDepartmentInput>;
}): Promise<TSaveDepartmentResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (departmentId !== undefined && !isUuid(departmentId)) return fail("not-found:department");
  const checked = readDepartmentInput(input);
  if (!checked.ok) return checked;
  const values = checked.values;

  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const [before] = departmentId ? await tx.select().from(departments).where(eq(departments.id, departmentId)).for("update") : [undefined];
      if (departmentId && !before) throw new RefusalRollback(fail("not-found:department"));
      const [taken] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(before ? and(eq(departments.code, values.code), ne(departments.id, before.id)) : eq(departments.code, values.code))
        .limit(1);
      if (taken) throw new RefusalRollback({ ok: false, code: "conflict:department-code-taken", fields: { code: "conflict:department-code-taken" } } as TDepartmentRefusal);
      const [after] = before
        ? await tx.update(departments).set(values).where(eq(departments.id, before.id)).returning()
        : await tx.insert(departments).values(values).returning();
      await recordAdminChange({
        db: tx,
        actor,
        entity: "department",
        entityId: after.id,
        action: before ? "edit" : "create",
        before: before ? departmentRecord(before) : null,
        after: departmentRecord(after),
      });
      return { ok: true as const, departmentId: after.id, created: !before };
    }),
  );
  // Catalog pages name departments through the reference cache: this process sees the change at once.
  if (result.ok) forgetReferences(db);
  return result;
}

/** What the change record keeps of a department: what the admin page shows. */
export function departmentRecord(department: typeof departments.$inferSelect) {
  const { newTasksToldAt: _told, createdAt: _created, ...kept } = department;
  return kept;
}
