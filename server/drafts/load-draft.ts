/**
 * A draft as its owner may see it, with what it applies for (always the newest published form version: a form
 * changed while the applicant was away takes over on resume, and validation then asks for anything new).
 * Someone else's draft is refused; an expired one is reported with its expiry date, and left for the worker's purge
 * (purge-expired-drafts.ts): loading is what page views do, and a page view does not write.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { drafts, type TDraft } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { findApplySubject, type TApplySubject } from "@/server/catalog/find-apply-subject";
import { fail, type TAppError } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";

export type TLoadedDraft = { ok: true; draft: TDraft; subject: TApplySubject };

const ZUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadDraft(options: { db: TDatabase; actor: TActor; draftId: string; now?: Date }): Promise<TLoadedDraft | TAppError> {
  const { db, actor, draftId } = options;
  const now = options.now ?? new Date();
  if (!ZUuid.test(draftId)) return fail("not-found:draft");
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId)).limit(1);
  if (!draft) return fail("not-found:draft");
  if (draft.applicantId !== actor.id) return fail("forbidden:draft");
  if (draft.expiresAt <= now) return fail("expired:draft", { expiredAt: draft.expiresAt.toISOString() });
  const subject = await cachedReference(db, `apply-subject:${draft.subjectCode}`, () => findApplySubject(db, draft.subjectCode));
  if (!subject) return fail("not-found:service");
  return { ok: true, draft, subject };
}
