/** Every service, unpublished and retired ones too, for the admin's list; optionally one department's. */
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, services } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

export async function listServicesForAdmin({ db, actor, departmentCode }: { db: TDatabase; actor: TActor; departmentCode?: string }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  const conditions: SQL[] = [];
  if (departmentCode) conditions.push(eq(departments.code, departmentCode));
  const rows = await db
    .select({
      code: services.code,
      name: services.name,
      applicantType: services.applicantType,
      kind: services.kind,
      publishedVersion: services.publishedVersion,
      draftSavedAt: services.draftSavedAt,
      retiredAt: services.retiredAt,
      departmentCode: departments.code,
      departmentName: departments.name,
    })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(and(...conditions))
    .orderBy(asc(departments.code), asc(services.code));
  return { ok: true as const, services: rows };
}
