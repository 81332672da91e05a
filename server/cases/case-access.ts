import { eq, inArray, or, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

/** The cases an applicant may see: their own, and those of the companies they act for. */
export function casesVisibleToApplicant(actor: TActor): SQL {
  const own = eq(cases.applicantId, actor.id);
  if (actor.companyIds.length === 0) return own;
  return or(own, inArray(cases.companyId, actor.companyIds))!;
}

/** The cases a counter clerk may see: only those they filed themselves (一窗受理), never a colleague's. */
export function casesFiledBy(actor: TActor): SQL {
  return eq(cases.filedById, actor.id);
}

/** Who reads a case's tracker or receipt: an applicant their own (and their companies'), a counter clerk their filings. */
export function casesVisibleTo(actor: TActor): SQL {
  return actor.role === "counter" ? casesFiledBy(actor) : casesVisibleToApplicant(actor);
}
