import { eq, inArray, or, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

/** The cases an applicant may see: their own, and those of the companies they act for. */
export function casesVisibleToApplicant(actor: TActor): SQL {
  const own = eq(cases.applicantId, actor.id);
  if (actor.companyIds.length === 0) return own;
  return or(own, inArray(cases.companyId, actor.companyIds))!;
}
