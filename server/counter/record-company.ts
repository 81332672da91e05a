/**
 * 一窗受理: a company that is not on the register yet is recorded with the minimum a legal-person application needs —
 * credit code, name, legal representative, registered address and its region — marked as recorded at the counter,
 * by whom and when. Its staff act for it once they register and are linked to it as members (the identity step
 * checks the legal representative's verified ID); until then, the counter files for it.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies } from "@/db/schema";
import { checkUscc } from "@/lib/identifiers/uscc";
import { getRegion } from "@/lib/regions/regions";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { fail, type TErrorCode } from "@/server/errors";
import type { TRecordResult } from "./record-person";

export type TRecordCompanyInput = { uscc: unknown; name: unknown; legalRepresentative: unknown; address: unknown; regionCode: unknown };

export async function recordCompany(options: { db: TDatabase; actor: TActor; input: TRecordCompanyInput; now?: Date }): Promise<TRecordResult> {
  const { db, actor, input } = options;
  if (actor.role !== "counter") return fail("forbidden:role");
  const fieldErrors: Record<string, TErrorCode> = {};
  const uscc = checkUscc(typeof input.uscc === "string" ? input.uscc : "");
  if (!uscc.ok) fieldErrors.uscc = "invalid:counter-uscc";
  const name = readPlainText(input.name, { max: 100, tooLong: "invalid:counter-name-too-long", required: "invalid:counter-name-required" });
  if (!name.ok) fieldErrors.name = name.code;
  const representative = readPlainText(input.legalRepresentative, { max: 50, tooLong: "invalid:counter-name-too-long", required: "invalid:counter-representative-required" });
  if (!representative.ok) fieldErrors.legalRepresentative = representative.code;
  const address = readPlainText(input.address, { max: 200, tooLong: "invalid:counter-address-too-long", required: "invalid:counter-address-required" });
  if (!address.ok) fieldErrors.address = address.code;
  // A county-level region (district or county): the register keeps where the company is registered, not a province.
  const regionCode = typeof input.regionCode === "string" ? input.regionCode.trim() : "";
  const region = /^\d{6}$/.test(regionCode) ? getRegion(regionCode) : undefined;
  if (!region || region.level !== "county") fieldErrors.regionCode = "invalid:counter-region";
  if (!uscc.ok || !name.ok || !representative.ok || !address.ok || !region || region.level !== "county") {
    return { ...fail("invalid:counter-record"), fieldErrors };
  }

  const existing = await findCompanyByUscc(db, uscc.normalized);
  if (existing) return { ...fail("conflict:counter-company-recorded"), existingId: existing };
  const now = options.now ?? new Date();
  const [created] = await db
    .insert(companies)
    .values({
      uscc: uscc.normalized,
      name: name.text,
      legalRepresentative: representative.text,
      registeredAddress: address.text,
      regionCode,
      recordedById: actor.id,
      recordedAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: companies.id });
  if (!created) {
    const raced = await findCompanyByUscc(db, uscc.normalized);
    return { ...fail("conflict:counter-company-recorded"), ...(raced ? { existingId: raced } : {}) };
  }
  return { ok: true, id: created.id };
}

async function findCompanyByUscc(db: TDatabase, uscc: string) {
  const [row] = await db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc)).limit(1);
  return row?.id ?? null;
}
