/**
 * 补正: the clerk holding an accepted task lists, all at once, every field or material of the case's form that is
 * missing or wrong, each with a note. The request and the task's move to "supplement requested" (which stops its
 * clock and tells the applicant) are one transaction; the version the clerk saw guards against a concurrent change.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { formDefinitions, services, supplementRequests } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { listFields, type TFormDefinition } from "@/lib/forms/definition";
import { narrowDefinition } from "@/lib/forms/narrow-definition";
import { isPlainTextErrorCode, readPlainText, ZPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { listDepartmentFieldKeys } from "@/server/workflow/list-department-field-keys";
import { checkTaskRequest, lockDepartmentTask } from "@/server/workflow/lock-department-task";
import { loadTransitionContext, runTaskTransition } from "@/server/workflow/run-task-transition";

export const SUPPLEMENT_NOTE_MAX = 1000;
export const SUPPLEMENT_ITEM_NOTE_MAX = 500;

const ZItems = z
  .array(
    z.object({
      key: z.string().min(1).max(200),
      note: ZPlainText({ multiline: true, max: SUPPLEMENT_ITEM_NOTE_MAX, required: "invalid:supplement-items", tooLong: "invalid:supplement-items" }),
    }),
  )
  .min(1)
  .max(100)
  .refine((items) => new Set(items.map((item) => item.key)).size === items.length);

export type TRequestSupplementOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  expectedVersion: number;
  /** A note for the whole request (optional). */
  note?: string;
  items: { key: string; note: string }[];
  now?: Date;
};

/**
 * The fields of a form a clerk may ask about: every top-level field that takes an answer, except values locked from
 * their source (the identity register, the enterprise registry, an e-licence) — the applicant cannot change those,
 * so asking would leave them stuck; a wrong register entry is corrected at its source.
 */
export function listSupplementableFields(definition: TFormDefinition) {
  return listFields(definition).filter((field) => field.type !== "declaration" && !(field.prefill && !field.prefill.editable));
}

export async function requestSupplement(options: TRequestSupplementOptions): Promise<TResult<{ requestId: string; version: number }>> {
  const { db, actor, taskId, expectedVersion, now = new Date() } = options;
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
  const read = readPlainText(options.note, { multiline: true, max: SUPPLEMENT_NOTE_MAX, tooLong: "invalid:reason-too-long" });
  if (!read.ok) return fail(read.code, read.code === "invalid:reason-too-long" ? { max: SUPPLEMENT_NOTE_MAX } : undefined);
  const note = read.text;
  const items = ZItems.safeParse(options.items);
  // An item's note with a control character says so; any other problem with the list is one refusal.
  if (!items.success) return fail(items.error.issues.map((issue) => issue.message).find(isPlainTextErrorCode) ?? "invalid:supplement-items");
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return catchRefusal(db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { version: expectedVersion, holder: "actor" } });
    if (!locked.ok) return locked;
    const { caseRow, task } = locked;
    const context = await loadTransitionContext(tx, caseRow, { calendar, today: toIsoDate(now), now });

    // Items name fields of the form version the case was submitted under, and of this department's part of it.
    const [form] = await tx.select({ definition: formDefinitions.definition }).from(formDefinitions).where(eq(formDefinitions.id, caseRow.formDefinitionId));
    const [service] = await tx.select({ code: services.code }).from(services).where(eq(services.id, task.serviceId));
    const part = await listDepartmentFieldKeys(tx, { formDefinitionId: caseRow.formDefinitionId, serviceCode: service.code });
    const askable = new Set(listSupplementableFields(part.whole ? form.definition : narrowDefinition(form.definition, part.keys)).map((field) => field.key));
    if (!items.data.every((item) => askable.has(item.key))) return fail("invalid:supplement-items");

    const [request] = await tx
      .insert(supplementRequests)
      .values({ taskId: task.id, caseId: caseRow.id, requestedById: actor.id, note, items: items.data, createdAt: now })
      .returning({ id: supplementRequests.id });
    const result = await runTaskTransition(context, {
      taskId: task.id,
      action: "request-supplement",
      by: "clerk",
      actorId: actor.id,
      reason: note || undefined,
      data: { requestId: request.id, items: items.data },
    });
    // The table refused (the task is not accepted): undo the request written above.
    if (!result.ok) throw new RefusalRollback(result);
    return { ok: true as const, requestId: request.id, version: result.version };
  }));
}
