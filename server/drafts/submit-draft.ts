/**
 * The wizard's last step: the draft's answers go through the one intake path, and the draft is deleted in the
 * same transaction that writes the case. The draft's own idempotency key makes a double submit yield one case,
 * even after the draft is gone. A counter clerk's draft is filed for its applicant, on channel "counter", only with
 * the applicant's consent ticked on the check page.
 */
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { submitApplication, type TSubmitApplicationResult } from "@/server/intake/submit-application";
import { findCaseNumberByKey } from "@/server/intake/find-case-by-key";
import { COUNTER_CONSENT_VERSION } from "@/server/counter/counter-consent";
import { applicantOfDraft } from "./applicant-of-draft";
import { loadDraft } from "./load-draft";

export async function submitDraft(options: {
  db: TDatabase;
  actor: TActor;
  draftId: string;
  /** The key the check page was rendered with; it is the draft's own. */
  idempotencyKey: string;
  /** Filing at the counter: whether the applicant's consent box was ticked. */
  consent?: boolean;
  now?: Date;
}): Promise<TSubmitApplicationResult> {
  const { db, actor, draftId, idempotencyKey } = options;
  // A draft's key is a UUID; anything else was never rendered by us.
  if (!z.uuid().safeParse(idempotencyKey).success) return fail("not-found:draft");
  const loaded = await loadDraft({ db, actor, draftId, now: options.now });
  if (!loaded.ok) {
    // Submitted a moment ago (a double click, a refresh of the post): hand back that case.
    if (loaded.code === "not-found:draft") {
      const caseNumber = await findCaseNumberByKey(db, actor.id, idempotencyKey, actor.role === "counter" ? "filer" : "applicant");
      if (caseNumber) return { ok: true, caseNumber, duplicate: true };
    }
    return loaded;
  }
  const { draft } = loaded;
  if (draft.idempotencyKey !== idempotencyKey) return fail("not-found:draft");
  const { applicant, filerId } = await applicantOfDraft(db, actor, draft);
  if (filerId && options.consent !== true) return fail("invalid:counter-consent-required");
  return submitApplication({
    db,
    actor: applicant,
    subjectCode: draft.subjectCode,
    rawAnswers: draft.answers,
    idempotencyKey: draft.idempotencyKey,
    channel: filerId ? "counter" : "online",
    filing: filerId ? { filerId, consentVersion: COUNTER_CONSENT_VERSION, consentedAt: options.now ?? new Date() } : undefined,
    companyId: draft.companyId,
    draftId: draft.id,
    now: options.now,
  });
}
