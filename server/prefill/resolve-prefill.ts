/**
 * 免填报 (one source per datum): the values a form's fields take from data the government already holds — the
 * applicant's verified identity, the enterprise registry entry of the company applying, and e-licences in the
 * wallet. Pages show them with their source; intake passes the locked ones to the validator as fixed values, so
 * whatever the browser posted for them is ignored.
 */
import { and, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies, licences, users, type TCompany } from "@/db/schema";
import type { TAnswerValue } from "@/lib/forms/answers";
import { listFields, type TField, type TFormDefinition, type TPrefillSource } from "@/lib/forms/definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { filterAuthenticLicences } from "@/server/licences/filter-authentic-licences";

export type TPrefilledValue = {
  value: TAnswerValue;
  source: TPrefillSource;
  /** Locked values are re-derived on submit; editable ones are only a starting point. */
  locked: boolean;
  /** For a value read from an e-licence: which one, to name it as the source. */
  licence?: { title: TLocalizedText; number: string };
};
export type TPrefill = Record<string, TPrefilledValue>;

/** The person's and the company's records, when the caller has read them already (intake reads them with more). */
export type TPrefillRecords = {
  person: { displayName: string; residentIdNumber: string | null; mobile: string | null };
  company: TCompany | null;
};

export type TResolvePrefillOptions = {
  db: TDatabase;
  actor: TActor;
  /** The company applying, for a legal-person service. */
  companyId: string | null;
  definition: TFormDefinition;
  today: string;
  /** The actor's record and that of `companyId` (one of the actor's), read by the caller; else read here. */
  records?: TPrefillRecords;
};

export async function resolvePrefill({ db, actor, companyId, definition, today, records }: TResolvePrefillOptions): Promise<TPrefill> {
  const wanted = listFields(definition).filter((field): field is TField & { prefill: NonNullable<TField["prefill"]> } => field.prefill !== undefined);
  if (wanted.length === 0) return {};
  const sources = wanted.map((field) => field.prefill.source);

  const needsIdentity = sources.some((source) => source.startsWith("identity."));
  const needsCompany = companyId !== null && sources.some((source) => source.startsWith("company."));
  const licenceTypes = [...new Set(sources.filter((source) => source.startsWith("licence.")).map((source) => source.split(".")[1]))];

  const readPerson = () =>
    db
      .select({ displayName: users.displayName, residentIdNumber: users.residentIdNumber, mobile: users.mobile })
      .from(users)
      .where(eq(users.id, actor.id))
      .then((rows) => rows[0]);
  const readCompany = (id: string) => db.select().from(companies).where(eq(companies.id, id)).then((rows) => rows[0]);
  const [person, company, heldLicences] = await Promise.all([
    needsIdentity ? (records?.person ?? readPerson()) : undefined,
    needsCompany && actor.companyIds.includes(companyId) ? (records ? (records.company ?? undefined) : readCompany(companyId)) : undefined,
    // A licence is a source only while it matches its signature: an altered register row prefills nothing.
    licenceTypes.length > 0 ? listUsableLicences({ db, actor, companyId, types: licenceTypes, today }).then((rows) => filterAuthenticLicences(db, rows)) : [],
  ]);

  const prefill: TPrefill = {};
  for (const field of wanted) {
    const { source, editable } = field.prefill;
    let raw: string | null | undefined;
    let licence: TPrefilledValue["licence"];
    switch (source) {
      case "identity.name":
        raw = person?.displayName;
        break;
      case "identity.idNumber":
        raw = person?.residentIdNumber;
        break;
      case "identity.mobile":
        raw = person?.mobile;
        break;
      case "company.name":
        raw = company?.name;
        break;
      case "company.uscc":
        raw = company?.uscc;
        break;
      case "company.legalRepresentative":
        raw = company?.legalRepresentative;
        break;
      case "company.registeredAddress":
        raw = company?.registeredAddress;
        break;
      case "company.regionCode":
        raw = company?.regionCode;
        break;
      default: {
        const [, type, key] = source.split(".");
        const held = heldLicences.find((candidate) => candidate.type === type && candidate.data[key]);
        raw = held?.data[key];
        if (held) licence = { title: held.title, number: held.number };
      }
    }
    if (raw === null || raw === undefined || raw === "") continue;
    // An address field takes the registered address with the registry's region code.
    const value: TAnswerValue = field.type === "address" ? { region: company?.regionCode ?? "", detail: raw } : raw;
    prefill[field.key] = licence ? { value, source, locked: !editable, licence } : { value, source, locked: !editable };
  }
  return prefill;
}

/** The values intake must not take from the browser. */
export function lockedValues(prefill: TPrefill): Record<string, unknown> {
  return Object.fromEntries(Object.entries(prefill).filter(([, entry]) => entry.locked).map(([key, entry]) => [key, entry.value]));
}

/**
 * Valid licences the actor may use: their own, and those of the company they apply for (checked to be one of
 * theirs). Newest first. Revoked, expired and not-yet-valid licences are left out.
 */
export async function listUsableLicences({
  db,
  actor,
  companyId,
  types,
  today,
}: {
  db: TDatabase;
  actor: TActor;
  companyId: string | null;
  types?: string[];
  today: string;
}) {
  const holder =
    companyId !== null && actor.companyIds.includes(companyId)
      ? or(eq(licences.holderUserId, actor.id), eq(licences.holderCompanyId, companyId))
      : eq(licences.holderUserId, actor.id);
  const current = and(
    eq(licences.status, "valid"),
    lte(licences.validFrom, today),
    or(isNull(licences.validUntil), gte(licences.validUntil, today)),
  );
  return db
    .select()
    .from(licences)
    .where(and(holder, current, types && types.length > 0 ? inArray(licences.type, types) : undefined))
    .orderBy(desc(licences.validFrom));
}
