/**
 * 一窗受理, step one: the counter clerk finds the walk-in applicant on the register by the number on their card —
 * a person by resident ID number, a company by unified social credit code. The number comes in a form body and
 * leaves only as the row's opaque id (the applicant page's address), never in an address or a log line.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies, users } from "@/db/schema";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { checkUscc } from "@/lib/identifiers/uscc";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { residentIdIs } from "@/server/data-protection/personal-number-columns";

export const applicantKinds = ["person", "company"] as const;
export type TApplicantKind = (typeof applicantKinds)[number];

/** The roles a person on the register may have: people who apply, never staff. */
export const registerRoles = ["citizen", "enterprise"] as const;

export type TFindApplicantResult =
  | { ok: true; found: { kind: TApplicantKind; id: string } | null; number: string }
  | TAppError;

export async function findApplicant(options: { db: TDatabase; actor: TActor; kind: TApplicantKind; number: string; today?: string }): Promise<TFindApplicantResult> {
  const { db, actor, kind } = options;
  if (actor.role !== "counter") return fail("forbidden:role");
  if (kind === "person") {
    const checked = checkResidentId(options.number, { today: options.today });
    if (!checked.ok) return fail("invalid:counter-resident-id");
    const [person] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(residentIdIs(checked.normalized), inArray(users.role, registerRoles)))
      .limit(1);
    return { ok: true, found: person ? { kind, id: person.id } : null, number: checked.normalized };
  }
  const checked = checkUscc(options.number);
  if (!checked.ok) return fail("invalid:counter-uscc");
  const [company] = await db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, checked.normalized)).limit(1);
  return { ok: true, found: company ? { kind, id: company.id } : null, number: checked.normalized };
}
