/**
 * The one intake path. Every application — online, counter, API — comes through here: validate the answers against
 * the form definition on the server, pick the departments that must act (routing), and write the case, one task per
 * department and the trail in ONE transaction. Idempotent: a repeated submit with the same key returns the first case.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { cases, drafts, type TCaseChannel } from "@/db/schema";
import { nextCaseSequence } from "@/db/sequences";
import { toIsoDate } from "@/lib/calendar/working-days";
import { evaluateRule } from "@/lib/forms/logic";
import { routeComponents } from "@/lib/forms/select-applicable";
import type { TAnswers } from "@/lib/forms/answers";
import { validateAnswers, type TFieldError } from "@/lib/forms/validate-answers";
import { regionLookup } from "@/lib/regions/regions";
import { formatCaseNumber } from "@/lib/workflow/case-number";
import { startClock } from "@/lib/workflow/task-clock";
import type { TActor } from "@/server/auth/actor";
import { caseRecipientsOf, enqueueNotification } from "@/server/notifications/enqueue-notification";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { applicantSearchFor } from "@/server/cases/describe-applicant";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { findApplySubject } from "@/server/catalog/find-apply-subject";
import { fail, type TAppError } from "@/server/errors";
import { attachFilesToCase } from "@/server/materials/attach-files-to-case";
import { verifyMaterials } from "@/server/materials/verify-materials";
import { lockedValues, resolvePrefill } from "@/server/prefill/resolve-prefill";
import { findCaseNumberByKey } from "./find-case-by-key";
import { insertCaseTasks } from "./insert-case-tasks";
import { loadApplicantRecords } from "./load-applicant-records";
import { resolveApplicant } from "./resolve-applicant";
import { cachedReference } from "@/server/reference-cache";
import { loadTransitionContext, runTaskTransition } from "@/server/workflow/run-task-transition";
import { sealSensitiveAnswers } from "@/db/sealing/seal-json";

export type TSubmitApplicationOptions = {
  db: TDatabase;
  actor: TActor;
  subjectCode: string;
  rawAnswers: Record<string, unknown>;
  /** Generated when the form was rendered; the same key means the same submission. */
  idempotencyKey: string;
  channel: TCaseChannel;
  /** For a legal-person application: which of the actor's companies applies. Defaults to their only one. */
  companyId?: string | null;
  /** When the answers come from a server draft: it is deleted in the same transaction that writes the case. */
  draftId?: string;
  /**
   * Filed at the counter (一窗受理, channel "counter"): `actor` is the applicant (server/drafts/applicant-of-draft.ts),
   * this is the counter clerk who files for them, and the applicant's consent (the version of the text they agreed
   * to, and when). The clerk owns the draft and the uploaded scans; the case records them as its filer.
   */
  filing?: { filerId: string; consentVersion: string; consentedAt: Date };
  now?: Date;
};

export type TSubmitApplicationResult =
  | { ok: true; caseNumber: string; duplicate: boolean }
  | (TAppError & { fieldErrors?: Record<string, TFieldError>; answers?: Record<string, unknown> });

/** The case row, built once per process (db/prepared.ts). Its id is made here, so nothing needs returning but
 * whether the row was written. */
const caseColumns = ["id", "number", "subjectType", "subjectCode", "formDefinitionId", "applicantId", "companyId", "applicantType", "channel", "filedById", "consentVersion", "consentedAt", "answers", "applicantSearch", "applicantIdTail", "idempotencyKey", "submittedAt", "updatedAt"] as const;
type TCaseValues = Required<Pick<typeof cases.$inferInsert, (typeof caseColumns)[number]>>;
const insertCase = prepareStatement<TCaseValues, ReturnType<typeof buildInsertCase>>("intake.insert-case", buildInsertCase);

function buildInsertCase(db: TDatabase) {
  const placeholders = Object.fromEntries(caseColumns.map((column) => [column, sql.placeholder(column)]));
  return (
    db
      .insert(cases)
      .values(placeholders as unknown as typeof cases.$inferInsert)
      // A concurrent twin of this submit committed first: nothing is written, and the caller hands back its case.
      .onConflictDoNothing({ target: [cases.applicantId, cases.idempotencyKey] })
      .returning({ id: cases.id })
  );
}

export async function submitApplication(options: TSubmitApplicationOptions): Promise<TSubmitApplicationResult> {
  const { db, actor, subjectCode, rawAnswers, idempotencyKey, channel } = options;
  const now = options.now ?? new Date();
  const { filing } = options;
  // The counter channel and a filer go together: a counter case without the applicant's consent is never written.
  if ((channel === "counter") !== (filing !== undefined)) return fail("invalid:counter-consent-required");
  const filerId = filing?.filerId ?? actor.id;

  // Reference data, cached per process (server/reference-cache.ts): no round trip on most submits.
  const [subject, calendar] = await Promise.all([
    cachedReference(db, `apply-subject:${subjectCode}`, () => findApplySubject(db, subjectCode)),
    cachedReference(db, "calendar", () => loadCalendar(db)),
  ]);
  if (!subject) return fail("not-found:service");

  const applicant = resolveApplicant({ applicantType: subject.applicantType, actor, companyId: options.companyId });
  if (!applicant.ok) return applicant;
  const { companyId } = applicant;

  // One statement: whether this submit was seen before, and the records the prefill and the search text need.
  const records = await loadApplicantRecords(db, { applicantId: actor.id, companyId, idempotencyKey });
  // A repeated submit returns the first case before anything is validated again.
  if (records.existingCaseNumber) return { ok: true, caseNumber: records.existingCaseNumber, duplicate: true };

  const today = toIsoDate(now);
  const definition = subject.form.definition;
  // Prefilled, locked values come from their one source, whatever the browser sent for them.
  const prefill = await resolvePrefill({ db, actor, companyId, definition, today, records });
  const validation = validateAnswers(definition, rawAnswers, { today, fixed: lockedValues(prefill), regions: regionLookup });
  if (!validation.ok) {
    return { ...fail("invalid:form-answer"), fieldErrors: validation.errors, answers: validation.keep };
  }
  const materials = await verifyMaterials({ db, actor, companyId, definition, answers: validation.answers, today, uploaderId: filerId });
  if (!materials.ok) return materials;
  const answers: TAnswers = materials.answers;
  // A bundle retired while this application was being filled in takes no new cases.
  if (subject.retiredAt !== null) return fail("conflict:bundle-retired");
  // Routing (lib/forms/select-applicable.ts): the services that apply, each with the applying services it waits for.
  const applicable = routeComponents(subject.components, answers)
    .filter((routed) => routed.applies)
    .map(({ component, waitsFor }) => ({ ...component, waitsFor }));
  if (applicable.some(({ department }) => department.retiredAt !== null)) return fail("conflict:department-retired");
  if (applicable.some(({ service }) => service.retiredAt !== null)) return fail("conflict:service-retired");
  const { person, company } = records;
  const applicantSearch = applicantSearchFor({ person: { name: person.displayName, idNumber: person.residentIdNumber }, company: company ?? undefined });
  // Instant services are decided in the transaction; without one, the case's tasks need not be read back.
  const anyInstant = applicable.some(({ service, waitsFor }) => service.kind === "instant" && waitsFor.length === 0);

  return db.transaction(async (tx) => {
    const caseNumber = formatCaseNumber(today, await nextCaseSequence(tx));
    const caseId = randomUUID();
    const [created] = await insertCase(tx, {
      id: caseId,
      number: caseNumber,
      subjectType: subject.type,
      subjectCode: subject.code,
      formDefinitionId: subject.form.id,
      applicantId: actor.id,
      companyId,
      applicantType: subject.applicantType,
      channel,
      filedById: filing?.filerId ?? null,
      consentVersion: filing?.consentVersion ?? null,
      consentedAt: filing?.consentedAt ?? null,
      answers: sealSensitiveAnswers(definition, answers),
      ...applicantSearch,
      idempotencyKey,
      submittedAt: now,
      updatedAt: now,
    });
    if (!created) {
      const first = await findCaseNumberByKey(tx, actor.id, idempotencyKey);
      return { ok: true as const, caseNumber: first!, duplicate: true };
    }
    if (options.draftId) {
      await tx.delete(drafts).where(and(eq(drafts.id, options.draftId), eq(drafts.applicantId, filerId)));
    }
    await attachFilesToCase(tx, { caseId, answers });

    await appendCaseEvent(tx, {
      caseId,
      actorId: filerId,
      kind: "case-submitted",
      data: { channel, services: applicable.map((c) => c.service.code), formVersion: subject.form.version },
      public: true,
      first: true,
    });
    // The applicant (or, for a company's case, the company) gets a message with the receipt, committed with the
    // case itself, before anything an instant decision adds.
    await enqueueNotification(tx, {
      ...caseRecipientsOf({ applicantId: actor.id, companyId }),
      topic: "case-submitted",
      params: { caseNumber, service: subject.name },
      caseId,
      link: `/me/cases/${caseNumber}/receipt`,
    });

    // Task ids first, so a task can name the prerequisites it waits on among its siblings.
    const taskIds = new Map(applicable.map(({ service }) => [service.code, randomUUID()]));
    const taskRows = applicable.map(({ service, waitsFor }) => {
      const prerequisiteTaskIds = waitsFor.map((code) => taskIds.get(code)!);
      const pending = prerequisiteTaskIds.length > 0;
      // A pending task's clock has not started: its due dates are provisional until it is released.
      const { readyOn, dueDate, legalDueDate } = startClock(today, service, calendar);
      return {
        id: taskIds.get(service.code)!,
        caseId,
        serviceId: service.id,
        departmentId: service.departmentId,
        status: pending ? ("pending" as const) : ("waiting" as const),
        prerequisiteTaskIds,
        readyOn: pending ? null : readyOn,
        dueDate,
        legalDueDate,
        createdAt: now,
        updatedAt: now,
      };
    });
    await insertCaseTasks(tx, taskRows);

    // 即办件/秒批: decided on the spot by the system, in this same transaction, when its rule holds — the runner
    // approves it (issuing its licence at once), releases what waits on it and derives the case status.
    if (!anyInstant) return { ok: true as const, caseNumber, duplicate: false };
    const context = await loadTransitionContext(tx, { id: caseId, number: caseNumber, status: "submitted" }, { calendar, today, now });
    for (const [index, { service }] of applicable.entries()) {
      if (service.kind !== "instant" || taskRows[index].status !== "waiting") continue;
      const check = service.instantCheck;
      if (!check || evaluateRule(check.rule, answers)) {
        const approved = await runTaskTransition(context, { taskId: taskRows[index].id, action: "approve-instantly", by: "system", actorId: null, data: { automatic: true } });
        if (!approved.ok) throw new Error(`instant approval refused: ${approved.code}`);
      } else {
        // The rule did not hold: a clerk decides, told why the system could not.
        await appendCaseEvent(tx, { caseId, taskId: taskRows[index].id, actorId: null, kind: "instant-check-failed", data: { reason: check.reason }, public: false });
      }
    }
    return { ok: true as const, caseNumber, duplicate: false };
  });
}
