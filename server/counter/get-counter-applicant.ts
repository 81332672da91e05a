/**
 * The applicant a counter clerk found or recorded, by the row's opaque id: a person on the register (never staff),
 * or a company. Whether they were recorded at the counter, by whom and when, comes along: such a person cannot
 * sign in yet. Anything else — a staff member's id, no such row — is not found.
 */
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { companies, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { registerRoles } from "./find-applicant";

export type TCounterApplicant =
  | { kind: "person"; id: string; name: string; residentIdNumber: string | null; mobile: string | null; canSignIn: boolean; recordedBy: string | null; recordedAt: Date | null }
  | { kind: "company"; id: string; name: string; uscc: string; legalRepresentative: string; registeredAddress: string; regionCode: string; recordedBy: string | null; recordedAt: Date | null };

const ZUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getCounterApplicant({ db, actor, id }: { db: TDatabase; actor: TActor; id: string }): Promise<({ ok: true } & { applicant: TCounterApplicant }) | TAppError> {
  if (actor.role !== "counter") return fail("forbidden:role");
  if (!ZUuid.test(id)) return fail("not-found:applicant");
  const recorder = alias(users, "recorder");
  const [person] = await db
    .select({
      id: users.id,
      name: users.displayName,
      residentIdNumber: users.residentIdNumber,
      mobile: users.mobile,
      username: users.username,
      recordedBy: recorder.displayName,
      recordedAt: users.recordedAt,
    })
    .from(users)
    .leftJoin(recorder, eq(recorder.id, users.recordedById))
    .where(and(eq(users.id, id), inArray(users.role, registerRoles)))
    .limit(1);
  if (person) {
    const { username, ...rest } = person;
    return { ok: true, applicant: { kind: "person", ...rest, canSignIn: username !== null } };
  }
  const [company] = await db
    .select({
      id: companies.id,
      name: companies.name,
      uscc: companies.uscc,
      legalRepresentative: companies.legalRepresentative,
      registeredAddress: companies.registeredAddress,
      regionCode: companies.regionCode,
      recordedBy: recorder.displayName,
      recordedAt: companies.recordedAt,
    })
    .from(companies)
    .leftJoin(recorder, eq(recorder.id, companies.recordedById))
    .where(eq(companies.id, id))
    .limit(1);
  if (company) return { ok: true, applicant: { kind: "company", ...company } };
  return fail("not-found:applicant");
}
