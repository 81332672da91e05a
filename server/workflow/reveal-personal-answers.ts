/**
 * Staff see personal numbers masked, and the answers of sensitive fields (lib/forms/data-class.ts: health, income,
 * a criminal record …) hidden whole (lib/forms/mask-staff-answer.ts). A clerk of the task's department who needs one
 * whole (to check an identity against a register, to call the applicant, to judge a health certificate) reveals
 * chosen answers with a purpose; the reveal is written to the case's trail — who, when, which answers, why — as a
 * public event, so the applicant sees on the tracker which department looked and why. The answers come back to that
 * one page view only: nothing stores them revealed.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { departments, formDefinitions, services } from "@/db/schema";
import { listFields } from "@/lib/forms/definition";
import { listMaskedParts, type TMaskedPart } from "@/lib/forms/mask-staff-answer";
import { narrowDefinition } from "@/lib/forms/narrow-definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { catchRefusal, fail, type TResult } from "@/server/errors";
import { listDepartmentFieldKeys } from "./list-department-field-keys";
import { checkTaskRequest, lockDepartmentTask } from "./lock-department-task";

/** Why a clerk looks at an answer whole: a short list, each with the free text as detail ("other" must say what). */
export const revealPurposes = ["verify-identity", "contact-applicant", "check-register", "other"] as const;
export type TRevealPurpose = (typeof revealPurposes)[number];
export const REVEAL_NOTE_MAX = 200;

export type TRevealPersonalAnswersOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  keys: string[];
  purpose: string;
  note?: string;
};

/** An answer revealed: each part masking hid, with the field that formats it (an item field within a group). */
export type TRevealedAnswer = { key: string; label: TLocalizedText; parts: TMaskedPart[] };

export async function revealPersonalAnswers(options: TRevealPersonalAnswersOptions): Promise<TResult<{ revealed: TRevealedAnswer[] }>> {
  const { db, actor, taskId } = options;
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
  const purpose = z.enum(revealPurposes).safeParse(options.purpose);
  if (!purpose.success) return fail("invalid:reveal-purpose");
  const note = readPlainText(options.note, { max: REVEAL_NOTE_MAX, tooLong: "invalid:reveal-note-too-long" });
  if (!note.ok) return fail(note.code, note.code === "invalid:reveal-note-too-long" ? { max: REVEAL_NOTE_MAX } : undefined);
  if (purpose.data === "other" && note.text === "") return fail("invalid:reveal-note-required");
  const keys = [...new Set(options.keys)];
  if (keys.length === 0 || keys.length > 50) return fail("invalid:reveal-fields");

  return catchRefusal(
    db.transaction(async (tx) => {
      // Locks the case so the trail stays one chain; finds the task only within the clerk's department.
      const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { holder: "reader" } });
      if (!locked.ok) return locked;
      const { caseRow, task } = locked;
      const [form] = await tx.select({ definition: formDefinitions.definition }).from(formDefinitions).where(eq(formDefinitions.id, caseRow.formDefinitionId));
      const [service] = await tx
        .select({ code: services.code, department: departments.name })
        .from(services)
        .innerJoin(departments, eq(departments.id, services.departmentId))
        .where(and(eq(services.id, task.serviceId)));
      // Only answers of this department's part, and only those that masking hides (in part or whole).
      const part = await listDepartmentFieldKeys(tx, { formDefinitionId: caseRow.formDefinitionId, serviceCode: service.code });
      const fields = listFields(part.whole ? form.definition : narrowDefinition(form.definition, part.keys));
      const revealed: TRevealedAnswer[] = [];
      for (const key of keys) {
        const field = fields.find((candidate) => candidate.key === key);
        const parts = field ? listMaskedParts(field, caseRow.answers[key]) : [];
        if (!field || parts.length === 0) return fail("invalid:reveal-fields");
        revealed.push({ key, label: field.label, parts });
      }
      await appendCaseEvent(tx, {
        caseId: caseRow.id,
        taskId: task.id,
        actorId: actor.id,
        kind: "personal-data-revealed",
        // What and why, never the answers themselves: the trail is read by the applicant and by auditors.
        data: { fields: revealed.map(({ key, label }) => ({ key, label })), purpose: purpose.data, note: note.text, department: service.department },
        public: true,
      });
      return { ok: true as const, revealed };
    }),
  );
}
