/**
 * The one intake path. Every application — online, counter, API — comes through here: validate the answers against
 * the form definition on the server, pick the departments that must act (routing), and write the case, one task per
 * department and the trail in ONE transaction. Idempotent: a repeated submit with the same key returns the first case.
 */
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, tasks, type TCaseChannel } from "@/db/schema";
import { nextCaseSequence } from "@/db/sequences";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { selectApplicable } from "@/lib/forms/select-applicable";
import { validateAnswers, type TAnswers, type TFieldError } from "@/lib/forms/validate-answers";
import { formatCaseNumber } from "@/lib/workflow/case-number";
import { deriveCaseStatus } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { findApplySubject } from "@/server/catalog/find-apply-subject";
import { fail, type TAppError } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";

export type TSubmitApplicationOptions = {
  db: TDatabase;
  actor: TActor;
  subjectCode: string;
  rawAnswers: Record<string, unknown>;
  /** Generated when the form was rendered; the same key means the same submission. */
  idempotencyKey: string;
  channel: TCaseChannel;
  /** For a legal-person application: which of the actor's companies applies. Defaults to their only one. */
  companyId?: string;
  now?: Date;
};

export type TSubmitApplicationResult =
  | { ok: true; caseNumber: string; duplicate: boolean }
  | (TAppError & { fieldErrors?: Record<string, TFieldError>; answers?: TAnswers });

export async function submitApplication(options: TSubmitApplicationOptions): Promise<TSubmitApplicationResult> {
  const { db, actor, subjectCode, rawAnswers, idempotencyKey, channel } = options;
  const now = options.now ?? new Date();

  // Independent reads, issued together: what is applied for, whether this submit was seen before, the calendar.
  const [subject, existing, calendar] = await Promise.all([
    cachedReference(db, `apply-subject:${subjectCode}`, () => findApplySubject(db, subjectCode)),
    findCaseByIdempotencyKey(db, actor.id, idempotencyKey),
    cachedReference(db, "calendar", () => loadCalendar(db)),
  ]);
  if (!subject) return fail("not-found:service");

  // Who may apply: natural-person services for citizens, legal-person services for a company's staff.
  let companyId: string | null = null;
  if (subject.applicantType === "natural") {
    if (actor.role !== "citizen") return fail("forbidden:applicant-type");
  } else {
    if (actor.role !== "enterprise") return fail("forbidden:applicant-type");
    companyId = options.companyId ?? (actor.companyIds.length === 1 ? actor.companyIds[0] : null);
    if (!companyId || !actor.companyIds.includes(companyId)) return fail("forbidden:applicant-type");
  }

  // A repeated submit returns the first case before anything is validated again.
  if (existing) return { ok: true, caseNumber: existing, duplicate: true };

  const today = toIsoDate(now);
  const validation = validateAnswers(subject.form.definition, rawAnswers, { today });
  if (!validation.ok) {
    return { ...fail("invalid:form-answer"), fieldErrors: validation.errors, answers: validation.answers };
  }
  const answers = validation.answers;
  const applicable = selectApplicable(subject.components, answers);

  return db.transaction(async (tx) => {
    const caseNumber = formatCaseNumber(today, await nextCaseSequence(tx));
    const [created] = await tx
      .insert(cases)
      .values({
        number: caseNumber,
        subjectType: subject.type,
        subjectCode: subject.code,
        formDefinitionId: subject.form.id,
        applicantId: actor.id,
        companyId,
        applicantType: subject.applicantType,
        channel,
        answers,
        idempotencyKey,
        submittedAt: now,
        updatedAt: now,
      })
      // A concurrent twin of this submit committed first: hand back its case.
      .onConflictDoNothing({ target: [cases.applicantId, cases.idempotencyKey] })
      .returning({ id: cases.id });
    if (!created) {
      const first = await findCaseByIdempotencyKey(tx, actor.id, idempotencyKey);
      return { ok: true as const, caseNumber: first!, duplicate: true };
    }

    await appendCaseEvent(tx, {
      caseId: created.id,
      actorId: actor.id,
      kind: "case-submitted",
      data: { channel, services: applicable.map((c) => c.service.code), formVersion: subject.form.version },
      public: true,
      first: true,
    });

    const taskRows = applicable.map(({ service }) => {
      // 即办件: decided on the spot, by the system, in this same transaction.
      const instant = service.kind === "instant";
      return {
        caseId: created.id,
        serviceId: service.id,
        departmentId: service.departmentId,
        status: instant ? ("approved" as const) : ("waiting" as const),
        dueDate: addWorkingDays(today, service.promisedLimitDays, calendar),
        legalDueDate: addWorkingDays(today, service.legalLimitDays, calendar),
        decidedAt: instant ? now : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const insertedTasks = await tx.insert(tasks).values(taskRows).returning({ id: tasks.id, status: tasks.status, serviceId: tasks.serviceId });
    for (const task of insertedTasks) {
      if (task.status !== "approved") continue;
      await appendCaseEvent(tx, {
        caseId: created.id,
        taskId: task.id,
        actorId: null,
        kind: "task-approved",
        data: { automatic: true },
        public: true,
      });
    }

    const status = deriveCaseStatus(insertedTasks.map((task) => task.status));
    if (status !== "submitted") {
      await tx
        .update(cases)
        .set({ status, concludedAt: status === "concluded" ? now : null })
        .where(eq(cases.id, created.id));
      if (status === "concluded") {
        await appendCaseEvent(tx, { caseId: created.id, actorId: null, kind: "case-concluded", public: true });
      }
    }
    return { ok: true as const, caseNumber, duplicate: false };
  });
}

async function findCaseByIdempotencyKey(db: TDatabase, applicantId: string, idempotencyKey: string) {
  const [row] = await db
    .select({ number: cases.number })
    .from(cases)
    .where(and(eq(cases.applicantId, applicantId), eq(cases.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row?.number ?? null;
}
