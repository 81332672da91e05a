/**
 * The answers a department's task may open materials from (最小必要): its own service's questions and the bundle's
 * shared ones (server/workflow/list-department-field-keys.ts) — a floor plan asked by the food licence does not
 * open for the fire clerk, even by a typed address. Undefined: the whole form (a case filed for one service);
 * null: no such task in the clerk's department.
 */
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks } from "@/db/schema";
import { listDepartmentFieldKeys } from "@/server/workflow/list-department-field-keys";

export async function departmentFieldKeysOfTask(db: TDatabase, { taskId, departmentId }: { taskId: string; departmentId: string }): Promise<string[] | undefined | null> {
  const [task] = await db
    .select({ formDefinitionId: cases.formDefinitionId, serviceCode: services.code })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)))
    .limit(1);
  if (!task) return null;
  const part = await listDepartmentFieldKeys(db, task);
  return part.whole ? undefined : [...part.keys];
}
