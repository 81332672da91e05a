/**
 * What a bulk claim or assignment would do, for the confirmation page: the selected tasks of the clerk's department
 * as they are now, each with the reason it could not be included, if any. Reads only; the write (claim-tasks.ts,
 * assign-tasks.ts) checks everything again under its locks.
 *
 * A selected task of another department, or one that does not exist, is not shown at all — the whole batch is
 * refused with `forbidden:task`, which says nothing about what that task is.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { cases, companies, services, tasks, users, type TApplicantType } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";
import { actionableTaskStatuses, isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { fail, type TErrorCode, type TResult } from "@/server/errors";
import { findColleague } from "./assign-task";
import { clerkDepartmentOf } from "./lock-department-task";
import type { TTaskSelection } from "./lock-task-batch";

export const bulkActions = ["claim", "assign"] as const;
export type TBulkAction = (typeof bulkActions)[number];

export type TBatchRow = {
  id: string;
  version: number;
  caseNumber: string;
  serviceName: TLocalizedText;
  applicantName: string;
  applicantType: TApplicantType;
  kind: TTaskKind;
  status: TTaskStatus;
  assigneeName: string | null;
  /** Why this task cannot be included as it is now; null when it can. */
  problem: TErrorCode | null;
};

export type TBatchPreview = {
  rows: TBatchRow[];
  /** The colleague who would get the tasks (assign only). */
  colleague: { id: string; displayName: string } | null;
  /** The first reason the batch would be refused, or null when it can go ahead. */
  problem: TErrorCode | null;
};

export type TPreviewTaskBatchOptions = { db: TDatabase; actor: TActor; action: TBulkAction; selection: TTaskSelection[]; colleagueId?: string };

const applicants = alias(users, "applicants");

export async function previewTaskBatch({ db, actor, action, selection, colleagueId }: TPreviewTaskBatchOptions): Promise<TResult<TBatchPreview>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  if (selection.length === 0) return fail("invalid:bulk-selection");
  const versions = new Map(selection.map((item) => [item.taskId, item.version]));
  const found = await db
    .select({
      id: tasks.id,
      version: tasks.version,
      caseNumber: cases.number,
      serviceName: services.name,
      applicantName: sql<string>`coalesce(${companies.name}, ${applicants.displayName})`,
      applicantType: cases.applicantType,
      kind: tasks.kind,
      status: tasks.status,
      assigneeId: tasks.assigneeId,
      assigneeName: users.displayName,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(applicants, eq(applicants.id, cases.applicantId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(inArray(tasks.id, [...versions.keys()]), eq(tasks.departmentId, clerk.departmentId)))
    .orderBy(cases.number, tasks.id);
  if (found.length !== versions.size) return fail("forbidden:task");

  let colleague: TBatchPreview["colleague"] = null;
  let problem: TErrorCode | null = null;
  if (action === "assign") {
    const checked = await findColleague(db, { actor, colleagueId: colleagueId ?? "", departmentId: clerk.departmentId });
    if (checked.ok) {
      const [named] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, checked.id));
      colleague = named;
    } else {
      problem = checked.code;
    }
  }
  const rows = found.map(({ assigneeId, ...row }): TBatchRow => {
    const heldByOther = assigneeId !== null && assigneeId !== actor.id;
    const rowProblem: TErrorCode | null =
      row.version !== versions.get(row.id)
        ? "conflict:task-changed"
        : action === "claim" && assigneeId !== null
          ? "conflict:task-already-claimed"
          : action === "assign" && heldByOther
            ? "conflict:task-already-claimed"
            : action === "claim" && !actionableTaskStatuses.includes(row.status)
              ? "conflict:transition-not-allowed"
              : action === "assign" && (row.status === "pending" || isTaskConcluded(row.status))
                ? "conflict:transition-not-allowed"
                : null;
    return { ...row, problem: rowProblem };
  });
  return { ok: true, rows, colleague, problem: problem ?? rows.find((row) => row.problem)?.problem ?? null };
}
