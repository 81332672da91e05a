/** The guide (办事指南) of a service or a bundle: what a reader needs before applying. */
import { and, asc, count, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, departments, formDefinitions, services } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import { offeredServiceConditions } from "./list-catalog";

export async function getGuide({ db, code }: { db: TDatabase; code: string }) {
  if (!isCatalogCode(code)) return null;
  const [service] = await db
    .select({ service: services, department: departments })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    // A service never published, or retired, has no public guide.
    .where(and(eq(services.code, code), ...offeredServiceConditions()))
    .limit(1);
  if (service) {
    // Without a version of its form, nobody can apply yet: the guide says so instead of offering "Start now".
    const [forms] = await db.select({ value: count() }).from(formDefinitions).where(and(eq(formDefinitions.subjectType, "service"), eq(formDefinitions.subjectCode, code)));
    return { type: "service" as const, ...service, hasForm: Number(forms.value) > 0 };
  }

  const [bundle] = await db.select().from(bundles).where(eq(bundles.code, code)).limit(1);
  // A retired bundle has left the catalog: its guide goes with it (cases of it keep their tracker).
  if (!bundle || bundle.retiredAt) return null;
  const items = await db
    .select({ service: services, department: departments, appliesWhen: bundleItems.appliesWhen })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(bundleItems.position));
  return { type: "bundle" as const, bundle, items };
}

export type TGuide = NonNullable<Awaited<ReturnType<typeof getGuide>>>;
