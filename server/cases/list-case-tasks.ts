/**
 * The tasks of one case with their service and department, in department order: what the tracker, the receipt and a
 * clerk's view of the other departments show. The caller has already proved the reader may see the case.
 */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, services, tasks } from "@/db/schema";

export async function listCaseTasks(db: TDatabase, caseId: string) {
  return db
    .select({
      id: tasks.id,
      kind: tasks.kind,
      status: tasks.status,
      dueDate: tasks.dueDate,
      legalDueDate: tasks.legalDueDate,
      reason: tasks.reason,
      decidedAt: tasks.decidedAt,
      prerequisiteTaskIds: tasks.prerequisiteTaskIds,
      clockStoppedOn: tasks.clockStoppedOn,
      serviceCode: services.code,
      serviceName: services.name,
      serviceKind: services.kind,
      promisedLimitDays: services.promisedLimitDays,
      departmentCode: departments.code,
      departmentName: departments.name,
    })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(eq(tasks.caseId, caseId))
    .orderBy(asc(departments.code));
}

export type TCaseTaskRow = Awaited<ReturnType<typeof listCaseTasks>>[number];
