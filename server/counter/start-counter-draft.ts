/**
 * 一窗受理: the counter clerk starts an application for the applicant they found or recorded — the same server draft
 * the online wizard uses, owned by the clerk and filed for the person or company (server/drafts/applicant-of-draft.ts).
 * A person gets natural-person services, a company legal-person ones.
 */
import type { TDatabase } from "@/db/client";
import { drafts } from "@/db/schema";
import { addDays } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { findApplySubject, isServiceWithoutForm } from "@/server/catalog/find-apply-subject";
import { getEnv } from "@/server/env";
import { fail, type TAppError } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { getCounterApplicant } from "./get-counter-applicant";

export async function startCounterDraft(options: {
  db: TDatabase;
  actor: TActor;
  applicantId: string;
  subjectCode: string;
  now?: Date;
}): Promise<{ ok: true; draftId: string; subjectCode: string; firstPageKey: string } | TAppError> {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const found = await getCounterApplicant({ db, actor, id: options.applicantId });
  if (!found.ok) return found;
  const { applicant } = found;
  const subject = await cachedReference(db, `apply-subject:${options.subjectCode}`, () => findApplySubject(db, options.subjectCode));
  if (!subject) return fail((await isServiceWithoutForm(db, options.subjectCode)) ? "conflict:service-no-form" : "not-found:service");
  // As startDraft: a retired service, or one of a retired department, is refused before anything is filled in.
  if (subject.type === "service" && subject.components[0].service.retiredAt !== null) return fail("conflict:service-retired");
  if (subject.type === "service" && subject.components[0].department.retiredAt !== null) return fail("conflict:department-retired");
  if (subject.applicantType !== (applicant.kind === "person" ? "natural" : "legal")) return fail("forbidden:applicant-type");

  const [draft] = await db
    .insert(drafts)
    .values({
      applicantId: actor.id,
      filedForUserId: applicant.kind === "person" ? applicant.id : null,
      companyId: applicant.kind === "company" ? applicant.id : null,
      subjectType: subject.type,
      subjectCode: subject.code,
      formDefinitionId: subject.form.id,
      answers: {},
      createdAt: now,
      updatedAt: now,
      expiresAt: addDays(now, getEnv().DRAFT_EXPIRY_DAYS),
    })
    .returning({ id: drafts.id });
  return { ok: true, draftId: draft.id, subjectCode: subject.code, firstPageKey: subject.form.definition.pages[0].key };
}
