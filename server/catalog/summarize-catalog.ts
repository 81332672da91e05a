/** For the admin overview: each department with its number of services, and the forms' current versions. */
import { count, eq, max } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, departments, formDefinitions, services } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";

export async function summarizeCatalog({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.role !== "admin") return fail("forbidden:role");
  const perDepartment = await db
    .select({ code: departments.code, name: departments.name, services: count(services.id) })
    .from(departments)
    .leftJoin(services, eq(services.departmentId, departments.id))
    .groupBy(departments.id)
    .orderBy(departments.code);
  const [bundleCount] = await db.select({ value: count() }).from(bundles);
  const forms = await db
    .select({ subjectType: formDefinitions.subjectType, subjectCode: formDefinitions.subjectCode, version: max(formDefinitions.version) })
    .from(formDefinitions)
    .groupBy(formDefinitions.subjectType, formDefinitions.subjectCode)
    .orderBy(formDefinitions.subjectCode);
  return { ok: true as const, perDepartment, bundleCount: bundleCount.value, forms };
}
