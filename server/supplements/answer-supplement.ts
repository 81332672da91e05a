/**
 * The applicant's side of 补正: they correct exactly the items the clerk listed, through the form engine, and send
 * them back once. Until then every post is kept on the request (nothing typed is lost). Sending merges the corrected
 * answers into the case, marks the request answered and moves the task to "supplement received" — which restarts
 * its clock and tells the clerk — in one transaction. Only the applicant or their company's staff may answer.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, formDefinitions, supplementRequests, tasks, type TSupplementRequest } from "@/db/schema";
import type { TAnswers } from "@/lib/forms/answers";
import { listFields, type TField, type TFormDefinition } from "@/lib/forms/definition";
import { toIsoDate } from "@/lib/calendar/working-days";
import { validateAnswers, type TFieldError } from "@/lib/forms/validate-answers";
import { regionLookup } from "@/lib/regions/regions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { casesVisibleToApplicant } from "@/server/cases/case-access";
import { lockCase } from "@/server/cases/lock-case";
import { catchRefusal, fail, RefusalRollback, type TAppError, type TResult } from "@/server/errors";
import { mergeMaterial } from "@/server/materials/merge-material";
import { attachFilesToCase } from "@/server/materials/attach-files-to-case";
import { verifyMaterials } from "@/server/materials/verify-materials";
import { lockedValues, resolvePrefill } from "@/server/prefill/resolve-prefill";
import { cachedReference } from "@/server/reference-cache";
import { loadTransitionContext, runTaskTransition } from "@/server/workflow/run-task-transition";
import { sealSensitiveAnswers } from "@/db/sealing/seal-json";

export type TSupplementForApplicant = {
  request: TSupplementRequest;
  caseRow: { id: string; number: string; companyId: string | null; answers: TAnswers };
  definition: TFormDefinition;
  /** The requested fields, in the form's order. */
  fields: TField[];
  /** What the form shows now: the kept post of an unfinished answer, else the case's answers. */
  values: Record<string, unknown>;
};

/** Loads a supplement request the actor may see (their own case or their company's), with what the form needs. */
export async function getSupplementForApplicant(options: { db: TDatabase; actor: TActor; requestId: string }): Promise<TResult<{ supplement: TSupplementForApplicant }>> {
  const { db, actor, requestId } = options;
  if (!z.uuid().safeParse(requestId).success) return fail("not-found:supplement");
  const [row] = await db
    .select({ request: supplementRequests, caseRow: { id: cases.id, number: cases.number, companyId: cases.companyId, answers: cases.answers }, definition: formDefinitions.definition })
    .from(supplementRequests)
    .innerJoin(cases, eq(cases.id, supplementRequests.caseId))
    .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
    .where(and(eq(supplementRequests.id, requestId), casesVisibleToApplicant(actor)))
    .limit(1);
  // Someone else's request and a made-up id look the same.
  if (!row) return fail("not-found:supplement");
  const keys = new Set(row.request.items.map((item) => item.key));
  const fields = listFields(row.definition).filter((field) => keys.has(field.key));
  const values = { ...row.caseRow.answers, ...(row.request.status === "open" ? (row.request.answers ?? {}) : {}) };
  return { ok: true, supplement: { request: row.request, caseRow: row.caseRow, definition: row.definition, fields, values } };
}

export type TAnswerSupplementOptions = {
  db: TDatabase;
  actor: TActor;
  requestId: string;
  /** The requested fields as read by readFormData (files excluded). */
  posted: Record<string, unknown>;
  uploads: Record<string, File[]>;
  /** "send" the answer, or "stay" after removing a file (kept, not sent). */
  intent: { kind: "send" } | { kind: "remove-file"; field: string; fileId: string };
  now?: Date;
};

export type TAnswerSupplementResult = { ok: true; sent: boolean; errors: Record<string, TFieldError> } | TAppError;

export async function answerSupplement(options: TAnswerSupplementOptions): Promise<TAnswerSupplementResult> {
  const { db, actor, requestId, posted, uploads, intent, now = new Date() } = options;
  const loaded = await getSupplementForApplicant({ db, actor, requestId });
  if (!loaded.ok) return loaded;
  const { request, caseRow, definition, fields } = loaded.supplement;
  if (request.status !== "open") return fail("conflict:supplement-closed");
  const today = toIsoDate(now);

  // Only the requested keys are read from the post: anything else sent is ignored.
  const merged: Record<string, unknown> = { ...loaded.supplement.values };
  const errors: Record<string, TFieldError> = {};
  for (const field of fields) {
    if (field.type === "material") {
      const removeFileId = intent.kind === "remove-file" && intent.field === field.key ? intent.fileId : undefined;
      merged[field.key] = await mergeMaterial({ db, actor, field, kept: merged[field.key], posted: posted[field.key], files: uploads[field.key] ?? [], removeFileId, uploadErrors: errors });
    } else if (posted[field.key] === undefined) delete merged[field.key];
    else merged[field.key] = posted[field.key];
  }

  const prefill = await resolvePrefill({ db, actor, companyId: caseRow.companyId, definition, today });
  const validation = validateAnswers(definition, merged, { today, fixed: lockedValues(prefill), regions: regionLookup });
  const requested = new Set(fields.map((field) => field.key));
  const own = (path: string) => requested.has(path.split(".")[0]);
  for (const [path, error] of Object.entries(validation.errors)) if (own(path) && !errors[path]) errors[path] = error;
  const kept: TAnswers = Object.fromEntries(Object.entries(validation.keep).filter(([key]) => requested.has(key))) as TAnswers;

  if (intent.kind !== "send" || Object.keys(errors).length > 0) {
    await db.update(supplementRequests).set({ answers: sealSensitiveAnswers(definition, kept) }).where(and(eq(supplementRequests.id, request.id), eq(supplementRequests.status, "open")));
    return { ok: true, sent: false, errors };
  }

  const corrected = Object.fromEntries(Object.entries(validation.answers).filter(([key]) => requested.has(key))) as TAnswers;
  const materials = await verifyMaterials({ db, actor, companyId: caseRow.companyId, definition, answers: corrected, today });
  if (!materials.ok) return materials;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return catchRefusal(
    db.transaction(async (tx) => {
      const locked = await lockCase(tx, caseRow.id);
      const [current] = await tx.select().from(supplementRequests).where(eq(supplementRequests.id, request.id)).for("update");
      // Sent twice (double click, a second device): the first one counts.
      if (current.status !== "open") return fail("conflict:supplement-closed");
      const answers: TAnswers = { ...locked.answers };
      for (const key of requested) {
        if (materials.answers[key] === undefined) delete answers[key];
        else answers[key] = materials.answers[key];
      }
      await tx.update(cases).set({ answers: sealSensitiveAnswers(definition, answers), updatedAt: now }).where(eq(cases.id, caseRow.id));
      await tx
        .update(supplementRequests)
        .set({ status: "answered", answers: sealSensitiveAnswers(definition, materials.answers), answeredById: actor.id, answeredAt: now })
        .where(eq(supplementRequests.id, request.id));
      await attachFilesToCase(tx, { caseId: caseRow.id, answers: materials.answers });
      const context = await loadTransitionContext(tx, locked, { calendar, today, now });
      const result = await runTaskTransition(context, {
        taskId: request.taskId,
        action: "supply",
        by: "applicant",
        actorId: actor.id,
        data: { requestId: request.id, keys: [...requested] },
      });
      if (!result.ok) throw new RefusalRollback(result);
      return { ok: true as const, sent: true, errors: {} };
    }),
  );
}

/** The open supplement requests of a case's tasks, for the tracker. */
export async function listOpenSupplements(db: TDatabase, caseId: string) {
  return db
    .select({ id: supplementRequests.id, taskId: supplementRequests.taskId, items: supplementRequests.items, note: supplementRequests.note, createdAt: supplementRequests.createdAt })
    .from(supplementRequests)
    .innerJoin(tasks, eq(tasks.id, supplementRequests.taskId))
    .where(and(eq(supplementRequests.caseId, caseId), eq(supplementRequests.status, "open")));
}
