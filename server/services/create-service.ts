/**
 * An admin adds a service (事项): its code, name, department, who applies and whether it is instant or promised. It
 * starts unpublished (version 0) with an empty guide: nobody but the admin sees it until a draft of its guide is
 * published, and nobody can apply until its form has a version (/admin/forms).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, departments, services } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { readNewServiceInput, type TServicePost, type TServiceRefusal } from "./service-input";
import { serviceRecord } from "./service-guide";

const empty = { "zh-Hans": "", "zh-Hant": "", en: "" };

export async function createService({ db, actor, input }: { db: TDatabase; actor: TActor; input: TServicePost }): Promise<{ ok: true; code: string } | TServiceRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readNewServiceInput(input);
  if (!checked.ok) return checked;
  const values = checked.values;
  const refuse = (field: string, code: TServiceRefusal["code"]): TServiceRefusal => ({ ok: false, code, fields: { [field]: code } });

  return catchRefusal(
    db.transaction(async (tx) => {
      // The department locked (shared) so it cannot be retired while it is given a new service.
      const [department] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, values.departmentId), isNull(departments.retiredAt))).for("share");
      if (!department) throw new RefusalRollback(refuse("departmentId", "invalid:service-department"));
      // /services/<code> and /apply/<code> name a service or a bundle: a code is taken if either has it.
      const [service] = await tx.select({ id: services.id }).from(services).where(eq(services.code, values.code)).limit(1);
      const [bundle] = await tx.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, values.code)).limit(1);
      if (service || bundle) throw new RefusalRollback(refuse("code", "conflict:service-code-taken"));
      const [row] = await tx
        .insert(services)
        .values({
          code: values.code,
          departmentId: department.id,
          name: values.name,
          applicantType: values.applicantType,
          kind: values.kind,
          summary: empty,
          // Not a topic: chosen in the guide before it can be published.
          topic: "",
          conditions: [],
          materials: [],
          fees: empty,
          legalBasis: [],
          legalLimitDays: 1,
          promisedLimitDays: 1,
          publishedVersion: 0,
        })
        .onConflictDoNothing({ target: services.code })
        .returning();
      // Another admin took the code between the check and the insert.
      if (!row) throw new RefusalRollback(refuse("code", "conflict:service-code-taken"));
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: row.id, action: "create", before: null, after: serviceRecord(row) });
      return { ok: true as const, code: row.code };
    }),
  );
}
