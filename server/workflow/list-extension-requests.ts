/** Extension requests (延期) waiting for a supervisor, oldest first: all departments', or their own department's. */
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";

export async function listExtensionRequests(options: { db: TDatabase; actor: TActor }) {
  const { db, actor } = options;
  if (actor.role !== "supervisor") return fail("forbidden:role");
  const rows = await db
    .select({
      taskId: tasks.id,
      version: tasks.version,
      caseNumber: cases.number,
      serviceName: services.name,
      days: tasks.extensionDays,
      reason: tasks.extensionReason,
      dueDate: tasks.dueDate,
      legalDueDate: tasks.legalDueDate,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(actor.departmentId ? and(eq(tasks.extensionStatus, "requested"), eq(tasks.departmentId, actor.departmentId)) : eq(tasks.extensionStatus, "requested"))
    .orderBy(tasks.updatedAt);
  return { ok: true as const, requests: rows, today: toIsoDate(new Date()) };
}
