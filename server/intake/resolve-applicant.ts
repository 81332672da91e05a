/**
 * Who may apply for what: natural-person services for citizens, legal-person services for a company's staff,
 * acting for one of THEIR companies. Shared by drafts and the submit itself so the two can never disagree.
 */
import type { TApplicantType } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";

export type TApplicantResolution = { ok: true; companyId: string | null } | TAppError;

export function resolveApplicant(options: {
  applicantType: TApplicantType;
  actor: TActor;
  /** The company asked for; defaults to the actor's only company. */
  companyId?: string | null;
}): TApplicantResolution {
  const { applicantType, actor } = options;
  if (applicantType === "natural") {
    return actor.role === "citizen" ? { ok: true, companyId: null } : fail("forbidden:applicant-type");
  }
  if (actor.role !== "enterprise") return fail("forbidden:applicant-type");
  const companyId = options.companyId ?? (actor.companyIds.length === 1 ? actor.companyIds[0] : null);
  // Someone who acts for several companies must say which one this application is for; we never guess.
  if (!companyId && actor.companyIds.length > 1) return fail("invalid:company-required");
  if (!companyId || !actor.companyIds.includes(companyId)) return fail("forbidden:applicant-type");
  return { ok: true, companyId };
}
