/** The guide (办事指南) of a service or a bundle: what a reader needs before applying. */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, departments, services } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";

export async function getGuide({ db, code }: { db: TDatabase; code: string }) {
  if (!isCatalogCode(code)) return null;
  const [service] = await db
    .select({ service: services, department: departments })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(services.code, code))
    .limit(1);
  if (service) return { type: "service" as const, ...service };

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
