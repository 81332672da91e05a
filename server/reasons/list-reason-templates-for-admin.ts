/**
 * The admin's view of reason templates (常用理由): every service to choose from (by department), and for the chosen
 * one its templates per decision (refuse 不予受理, reject 不予许可) in the order clerks see them.
 */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, reasonDecisions, reasonTemplates, services, type TReasonDecision, type TReasonTemplate } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { isUuid } from "@/server/departments/find-department";

export async function listServicesForReasons({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.role !== "admin") return fail("forbidden:role");
  const rows = await db
    .select({ code: services.code, name: services.name, departmentCode: departments.code, departmentName: departments.name })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .orderBy(asc(departments.code), asc(services.code));
  return { ok: true as const, services: rows };
}

/** A service's templates by decision; not-found:service for a code no service has. */
export async function listReasonTemplatesForAdmin({ db, actor, serviceCode }: { db: TDatabase; actor: TActor; serviceCode: string }) {
  if (actor.role !== "admin") return fail("forbidden:role");
  const [service] = await db
    .select({ id: services.id, code: services.code, name: services.name, departmentName: departments.name })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(services.code, serviceCode))
    .limit(1);
  if (!service) return fail("not-found:service");
  const rows = await db
    .select()
    .from(reasonTemplates)
    .where(eq(reasonTemplates.serviceId, service.id))
    .orderBy(asc(reasonTemplates.position), asc(reasonTemplates.createdAt));
  const byDecision = Object.fromEntries(reasonDecisions.map((decision) => [decision, rows.filter((row) => row.decision === decision)])) as Record<TReasonDecision, TReasonTemplate[]>;
  return { ok: true as const, service, templates: byDecision };
}

/** One template with its service, for its edit page. */
export async function findReasonTemplateForAdmin({ db, actor, templateId }: { db: TDatabase; actor: TActor; templateId: string }) {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(templateId)) return fail("not-found:reason-template");
  const [row] = await db
    .select({ template: reasonTemplates, serviceCode: services.code, serviceName: services.name })
    .from(reasonTemplates)
    .innerJoin(services, eq(services.id, reasonTemplates.serviceId))
    .where(eq(reasonTemplates.id, templateId))
    .limit(1);
  if (!row) return fail("not-found:reason-template");
  return { ok: true as const, ...row };
}
