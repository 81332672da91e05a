/** Every bundle, retired ones too, with its services in order and their departments: the admin's list. */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, departments, services } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

export async function listBundlesForAdmin({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  const [rows, items] = await Promise.all([
    db.select().from(bundles).orderBy(asc(bundles.code)),
    db
      .select({ bundleId: bundleItems.bundleId, code: services.code, name: services.name, departmentCode: departments.code, conditional: bundleItems.appliesWhen })
      .from(bundleItems)
      .innerJoin(services, eq(services.id, bundleItems.serviceId))
      .innerJoin(departments, eq(departments.id, services.departmentId))
      .orderBy(asc(bundleItems.bundleId), asc(bundleItems.position)),
  ]);
  return {
    ok: true as const,
    bundles: rows.map((bundle) => ({
      ...bundle,
      items: items.filter((item) => item.bundleId === bundle.id).map(({ bundleId: _bundle, conditional, ...item }) => ({ ...item, conditional: conditional !== null })),
    })),
  };
}
