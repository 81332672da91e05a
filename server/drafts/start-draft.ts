/** Starts an application: an empty draft on the server, kept for DRAFT_EXPIRY_DAYS after its last save. */
import type { TDatabase } from "@/db/client";
import { drafts } from "@/db/schema";
import { addDays } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { findApplySubject, isServiceWithoutForm } from "@/server/catalog/find-apply-subject";
import { getEnv } from "@/server/env";
import { fail, type TAppError } from "@/server/errors";
import { resolveApplicant } from "@/server/intake/resolve-applicant";
import { cachedReference } from "@/server/reference-cache";

export async function startDraft(options: {
  db: TDatabase;
  actor: TActor;
  subjectCode: string;
  companyId?: string | null;
  now?: Date;
}): Promise<{ ok: true; draftId: string; firstPageKey: string } | TAppError> {
  const { db, actor, subjectCode } = options;
  const now = options.now ?? new Date();
  const subject = await cachedReference(db, `apply-subject:${subjectCode}`, () => findApplySubject(db, subjectCode));
  if (!subject) return fail((await isServiceWithoutForm(db, subjectCode)) ? "conflict:service-no-form" : "not-found:service");
  // A single service that is retired, or of a retired department, is refused before the applicant fills anything in
  // (a bundle is refused at submit, and only when its answers route the case there).
  if (subject.type === "service" && subject.components[0].service.retiredAt !== null) return fail("conflict:service-retired");
  if (subject.type === "service" && subject.components[0].department.retiredAt !== null) return fail("conflict:department-retired");
  // A retired bundle has left the catalog; an address kept from before is told so rather than "not found".
  if (subject.retiredAt !== null) return fail("conflict:bundle-retired");
  const applicant = resolveApplicant({ applicantType: subject.applicantType, actor, companyId: options.companyId });
  if (!applicant.ok) return applicant;

  const [draft] = await db
    .insert(drafts)
    .values({
      applicantId: actor.id,
      companyId: applicant.companyId,
      subjectType: subject.type,
      subjectCode: subject.code,
      formDefinitionId: subject.form.id,
      answers: {},
      createdAt: now,
      updatedAt: now,
      expiresAt: addDays(now, getEnv().DRAFT_EXPIRY_DAYS),
    })
    .returning({ id: drafts.id });
  return { ok: true, draftId: draft.id, firstPageKey: subject.form.definition.pages[0].key };
}
