/**
 * One service for the admin's page: the service with its department, the draft waiting, every published version
 * (newest first, with who published it), whether its form has a version and its latest version's questions, and the bundles that hold it.
 */
import { asc, count, desc, eq, and } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, departments, formDefinitions, services, serviceVersions, users } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import { fieldKeysOf } from "@/lib/forms/routing-rule";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { findLatestFormVersion } from "@/server/forms/insert-form-version";

export async function findServiceForAdmin({ db, actor, code }: { db: TDatabase; actor: TActor; code: string }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  if (!isCatalogCode(code)) return fail("not-found:service") as TResult<never>;
  const [found] = await db
    .select({ service: services, department: { id: departments.id, code: departments.code, name: departments.name, phone: departments.phone, address: departments.address, hours: departments.hours, retiredAt: departments.retiredAt } })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(services.code, code));
  if (!found) return fail("not-found:service") as TResult<never>;
  const [versions, [forms], holdingBundles, latestForm] = await Promise.all([
    db
      .select({ version: serviceVersions.version, guide: serviceVersions.guide, publishedAt: serviceVersions.publishedAt, publisherName: users.displayName })
      .from(serviceVersions)
      .leftJoin(users, eq(users.id, serviceVersions.publishedById))
      .where(eq(serviceVersions.serviceId, found.service.id))
      .orderBy(desc(serviceVersions.version)),
    db.select({ value: count() }).from(formDefinitions).where(and(eq(formDefinitions.subjectType, "service"), eq(formDefinitions.subjectCode, code))),
    db
      .select({ code: bundles.code, name: bundles.name })
      .from(bundleItems)
      .innerJoin(bundles, eq(bundles.id, bundleItems.bundleId))
      .where(eq(bundleItems.serviceId, found.service.id))
      .orderBy(asc(bundles.code)),
    findLatestFormVersion(db, "service", code),
  ]);
  // The questions the decision settings may read: the latest form version's (none before the first).
  const formFieldKeys = latestForm ? [...fieldKeysOf(latestForm.definition)] : [];
  return { ok: true as const, ...found, versions, formVersions: Number(forms.value), formFieldKeys, bundles: holdingBundles };
}
