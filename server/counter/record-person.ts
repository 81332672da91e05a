/**
 * 一窗受理: a walk-in person who is not on the register yet is recorded with the minimum the counter needs — name and
 * resident ID number (mobile if they give one) — marked as recorded at the counter, by whom and when.
 *
 * Such a person has no user name and no password, so nobody can sign in as them (server/auth/actor.ts refuses to
 * load them as an actor). When they register later, the identity step links the new account to THIS row by their
 * verified ID number (one ID number, one row: a unique index), so the cases filed for them here are theirs at once.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { checkMobile } from "@/lib/identifiers/mobile";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError, type TErrorCode } from "@/server/errors";
import { residentIdColumns, residentIdIs } from "@/server/data-protection/personal-number-columns";

export type TRecordPersonInput = { name: unknown; residentIdNumber: unknown; mobile: unknown };
export type TRecordResult =
  | { ok: true; id: string }
  /** What is wrong, field by field; or the row already on the register, to open instead. */
  | (TAppError & { fieldErrors?: Record<string, TErrorCode>; existingId?: string });

export async function recordPerson(options: { db: TDatabase; actor: TActor; input: TRecordPersonInput; today?: string; now?: Date }): Promise<TRecordResult> {
  const { db, actor, input } = options;
  if (actor.role !== "counter") return fail("forbidden:role");
  const fieldErrors: Record<string, TErrorCode> = {};
  const name = readPlainText(input.name, { max: 50, tooLong: "invalid:counter-name-too-long", required: "invalid:counter-name-required" });
  if (!name.ok) fieldErrors.name = name.code;
  const idNumber = checkResidentId(typeof input.residentIdNumber === "string" ? input.residentIdNumber : "", { today: options.today });
  if (!idNumber.ok) fieldErrors.residentIdNumber = "invalid:counter-resident-id";
  const mobileText = typeof input.mobile === "string" ? input.mobile.trim() : "";
  const mobile = mobileText === "" ? null : checkMobile(mobileText);
  if (mobile && !mobile.ok) fieldErrors.mobile = "invalid:counter-mobile";
  if (!name.ok || !idNumber.ok || (mobile && !mobile.ok)) return { ...fail("invalid:counter-record"), fieldErrors };

  const existing = await findPersonByIdNumber(db, idNumber.normalized);
  if (existing) return { ...fail("conflict:counter-person-recorded"), existingId: existing };
  const now = options.now ?? new Date();
  const [created] = await db
    .insert(users)
    .values({
      username: null,
      passwordHash: null,
      displayName: name.text,
      role: "citizen",
      ...residentIdColumns(idNumber.normalized),
      mobile: mobile?.ok ? mobile.normalized : null,
      recordedById: actor.id,
      recordedAt: now,
      createdAt: now,
    })
    // Two clerks recording the same person at once: the unique index lets one in, the other is offered that row.
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) {
    const raced = await findPersonByIdNumber(db, idNumber.normalized);
    return { ...fail("conflict:counter-person-recorded"), ...(raced ? { existingId: raced } : {}) };
  }
  return { ok: true, id: created.id };
}

async function findPersonByIdNumber(db: TDatabase, residentIdNumber: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(residentIdIs(residentIdNumber)).limit(1);
  return row?.id ?? null;
}
