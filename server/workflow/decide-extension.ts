/**
 * A supervisor of the task's department, or one who watches every department (电子监察), answers a clerk's extension
 * request (延期), with the version they saw. Approval moves the task's clock through the runner and tells the
 * applicant; either way the clerk who asked hears the answer. One transaction.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification, listCaseRecipients } from "@/server/notifications/enqueue-notification";
import { cachedReference } from "@/server/reference-cache";
import { checkTaskRequest, lockDepartmentTask } from "./lock-department-task";
import { loadTransitionContext, runTaskExtension } from "./run-task-transition";

export type TDecideExtensionOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  /** The task version the supervisor saw: any change since then refuses the decision. */
  expectedVersion: number;
  approve: boolean;
  now?: Date;
};

export async function decideExtension(options: TDecideExtensionOptions): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, expectedVersion, approve, now = new Date() } = options;
  const checked = checkTaskRequest(actor, taskId, "supervisor");
  if (!checked.ok) return checked;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, by: "supervisor", expect: { version: expectedVersion, holder: "anyone" } });
    if (!locked.ok) return locked;
    const { caseRow, task, serviceName } = locked;
    if (task.extensionStatus !== "requested" || isTaskConcluded(task.status)) return fail("conflict:transition-not-allowed", { status: task.status, action: "decide-extension" });
    const days = task.extensionDays ?? 0;

    let decided: { version: number; dueDate: string };
    if (approve) {
      const context = await loadTransitionContext(tx, caseRow, { calendar, today: toIsoDate(now), now });
      decided = await runTaskExtension(context, { taskId: task.id, days, actorId: actor.id });
    } else {
      [decided] = await tx
        .update(tasks)
        .set({ extensionStatus: "denied", extensionDecidedById: actor.id, extensionDecidedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
        .where(eq(tasks.id, task.id))
        .returning({ version: tasks.version, dueDate: tasks.dueDate });
      // A refused extension changes nothing for the applicant: the trail keeps it from them.
      await appendCaseEvent(tx, { caseId: caseRow.id, taskId: task.id, actorId: actor.id, kind: "extension-denied", data: { days }, public: false });
    }

    const params = { caseNumber: caseRow.number, service: serviceName, dueDate: decided.dueDate };
    const clerk = task.extensionRequestedById ? [task.extensionRequestedById] : [];
    await enqueueNotification(tx, { recipientIds: clerk, topic: approve ? "extension-approved" : "extension-denied", params, caseId: caseRow.id, link: `/desk/tasks/${task.id}` });
    if (approve) {
      await enqueueNotification(tx, { ...(await listCaseRecipients(tx, caseRow.id)), topic: "extension-approved", params, caseId: caseRow.id, link: `/me/cases/${caseRow.number}` });
    }
    return { ok: true as const, version: decided.version };
  });
}
