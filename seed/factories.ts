/**
 * Seed factories, shared by the demo seed and the tests: each creates one kind of record the way the product
 * would, so tests and demo data never drift apart.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import {
  reasonTemplates,
  bundleItems,
  bundles,
  calendarDays,
  companies,
  companyMembers,
  departments,
  formDefinitions,
  services,
  serviceVersions,
  staffTwoFactor,
  users,
  type TRole,
} from "@/db/schema";
import { checkFormDefinition } from "@/lib/forms/definition";
import { ZLicenceTemplate, type TLicenceDataField } from "@/lib/licences/licence-template";
import { ZCommitmentRule } from "@/lib/workflow/commitment";
import { insertSignedLicence } from "@/server/licences/insert-signed-licence";
import { listOfficialCalendarDays } from "@/lib/calendar/official-holidays";
import { hashPassword } from "@/server/auth/password";
import { recomposeBundle } from "@/server/forms/recompose-bundle";
import { guideOf } from "@/server/services/service-guide";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TSeedBundle, TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { reasonTemplatesOf } from "@/seed/catalog/reason-templates";
import { DEMO_TWO_FACTOR_SECRET } from "@/seed/demo-two-factor";
import { residentIdColumns } from "@/server/data-protection/personal-number-columns";

export const DEMO_PASSWORD = "demo2026";

export async function seedDepartment(db: TDatabase, department: TSeedDepartment) {
  const [row] = await db.insert(departments).values(department).returning();
  return row;
}

export async function seedService(db: TDatabase, service: TSeedService) {
  const [department] = await db.select().from(departments).where(eq(departments.code, service.departmentCode));
  if (!department) throw new Error(`seedService: no department ${service.departmentCode} for ${service.code}`);
  const { form, departmentCode: _departmentCode, licence, ...fields } = service;
  const template = licence ? ZLicenceTemplate.safeParse(licence) : null;
  if (template && !template.success) throw new Error(`seedService: the licence template of ${service.code} is not valid: ${template.error.message}`);
  const commitment = fields.commitment ? ZCommitmentRule.safeParse(fields.commitment) : null;
  if (commitment && !commitment.success) throw new Error(`seedService: the commitment setting of ${service.code} is not valid: ${commitment.error.message}`);
  const [row] = await db
    .insert(services)
    .values({ ...fields, licenceTemplate: template?.data ?? null, commitment: commitment?.data ?? null, departmentId: department.id, publishedVersion: 1 })
    .returning();
  // Seeded services are published: their guide is version 1, as if an admin had published it (by nobody).
  await db.insert(serviceVersions).values({ serviceId: row.id, version: 1, guide: guideOf(row), publishedById: null });
  await seedFormDefinition(db, { subjectType: "service", subjectCode: service.code, definition: form });
  const templates = reasonTemplatesOf(service.code).flatMap(({ decision, texts }) => texts.map((text, position) => ({ serviceId: row.id, decision, position, text })));
  if (templates.length > 0) await db.insert(reasonTemplates).values(templates);
  return row;
}

/**
 * A bundle, its items, its own questions as the first "bundle-base" version, and the applicant-facing "bundle"
 * version composed from that base and the component services' current forms (so seed its services first).
 */
export async function seedBundle(db: TDatabase, bundle: TSeedBundle) {
  const { items, form, ...fields } = bundle;
  const [row] = await db.insert(bundles).values(fields).returning();
  for (const [position, item] of items.entries()) {
    const [service] = await db.select().from(services).where(eq(services.code, item.serviceCode));
    if (!service) throw new Error(`seedBundle: no service ${item.serviceCode} for ${bundle.code}`);
    await db.insert(bundleItems).values({
      bundleId: row.id,
      serviceId: service.id,
      position,
      appliesWhen: item.appliesWhen,
      excludeFields: item.excludeFields ?? [],
      dependsOn: item.dependsOn ?? [],
    });
  }
  await seedFormDefinition(db, { subjectType: "bundle-base", subjectCode: bundle.code, definition: form });
  const composed = await recomposeBundle({ db, bundleCode: bundle.code, publishedById: null });
  if (!composed.ok) {
    const issues = "issues" in composed && composed.issues ? composed.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join("") : "";
    throw new Error(`seedBundle: ${bundle.code} does not compose (${composed.code})${issues}`);
  }
  return row;
}

/**
 * Stores a definition as a version of its subject's form (1 unless told), after checking it against the
 * meta-schema. A bundle's composed ("bundle") versions come from recomposeBundle, not from here.
 */
export async function seedFormDefinition(
  db: TDatabase,
  input: { subjectType: "service" | "bundle-base"; subjectCode: string; definition: unknown; version?: number; publishedById?: string },
) {
  const checked = checkFormDefinition(input.definition);
  if (!checked.ok) {
    const issues = checked.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join("");
    throw new Error(`seedFormDefinition: the ${input.subjectType} form of ${input.subjectCode} is not a valid definition${issues}`);
  }
  const [row] = await db
    .insert(formDefinitions)
    .values({
      subjectType: input.subjectType,
      subjectCode: input.subjectCode,
      version: input.version ?? 1,
      definition: checked.definition,
      publishedById: input.publishedById ?? null,
    })
    .returning();
  return row;
}

export async function seedCalendar(db: TDatabase, years: number[] = [2025, 2026, 2027]) {
  const days = listOfficialCalendarDays(years);
  if (days.length > 0) await db.insert(calendarDays).values(days).onConflictDoNothing();
  return days.length;
}

export type TSeedUserInput = {
  username: string;
  role: TRole;
  displayName: string;
  password?: string;
  departmentCode?: string;
  residentIdNumber?: string;
  mobile?: string;
  /**
   * The TOTP secret the account is enrolled with (confirmed, in force); null for none. Admins and supervisors, of
   * whom a second factor is required, get the demo secret unless told otherwise, so they sign in as the demo's do
   * and are not held to setting one up; everyone else gets none.
   */
  twoFactorSecret?: string | null;
};

export async function seedUser(db: TDatabase, input: TSeedUserInput) {
  let departmentId: string | null = null;
  if (input.departmentCode) {
    const [department] = await db.select().from(departments).where(eq(departments.code, input.departmentCode));
    if (!department) throw new Error(`seedUser: no department ${input.departmentCode}`);
    departmentId = department.id;
  }
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      passwordHash: await hashPassword(input.password ?? DEMO_PASSWORD),
      displayName: input.displayName,
      role: input.role,
      departmentId,
      ...residentIdColumns(input.residentIdNumber ?? null),
      mobile: input.mobile ?? null,
    })
    .returning();
  const secret = input.twoFactorSecret !== undefined ? input.twoFactorSecret : input.role === "admin" || input.role === "supervisor" ? DEMO_TWO_FACTOR_SECRET : null;
  if (secret) await db.insert(staffTwoFactor).values({ userId: row.id, secret, confirmedAt: new Date() });
  return row;
}

export async function seedCompany(
  db: TDatabase,
  input: { uscc: string; name: string; legalRepresentative: string; registeredAddress: string; regionCode: string },
  members: { userId: string; role: "legal-representative" | "agent" }[] = [],
) {
  const [row] = await db.insert(companies).values(input).returning();
  for (const member of members) await db.insert(companyMembers).values({ companyId: row.id, ...member });
  return row;
}

/** The whole catalog: departments, then services with their forms, then bundles. */
export async function seedCatalog(
  db: TDatabase,
  catalog: { departments: TSeedDepartment[]; services: TSeedService[]; bundles: TSeedBundle[] },
) {
  for (const department of catalog.departments) await seedDepartment(db, department);
  for (const service of catalog.services) await seedService(db, service);
  for (const bundle of catalog.bundles) await seedBundle(db, bundle);
}

export type TSeedLicenceInput = {
  number: string;
  type: string;
  title: TLocalizedText;
  issuingDepartmentCode: string;
  /** A person's licence (printed with their name and resident ID number) or a company's (name and USCC). */
  holderUserId?: string;
  holderCompanyId?: string;
  data?: Record<string, string>;
  /** The printed label of each data item, in print order. */
  dataFields?: TLicenceDataField[];
  validFrom: string;
  validUntil?: string | null;
  signedAt?: Date;
};

/**
 * An e-licence in someone's wallet, as if issued by a department before OneDoor (approvals issue theirs through
 * server/licences/issue-licence.ts). Signed like every licence, with the active key.
 */
export async function seedLicence(db: TDatabase, input: TSeedLicenceInput) {
  const [department] = await db.select().from(departments).where(eq(departments.code, input.issuingDepartmentCode));
  if (!department) throw new Error(`seedLicence: no department ${input.issuingDepartmentCode}`);
  const holder = input.holderCompanyId
    ? await db
        .select({ name: companies.name, uscc: companies.uscc })
        .from(companies)
        .where(eq(companies.id, input.holderCompanyId))
        .then(([company]) => ({ holderName: company.name, holderUscc: company.uscc, holderIdNumber: null }))
    : await db
        .select({ name: users.displayName, idNumber: users.residentIdNumber })
        .from(users)
        .where(eq(users.id, input.holderUserId!))
        .then(([person]) => ({ holderName: person.name, holderIdNumber: person.idNumber, holderUscc: null }));
  return insertSignedLicence(db, {
    number: input.number,
    type: input.type,
    title: input.title,
    holderUserId: input.holderUserId ?? null,
    holderCompanyId: input.holderCompanyId ?? null,
    ...holder,
    issuingDepartmentId: department.id,
    issuerCode: department.code,
    issuerName: department.name,
    data: input.data ?? {},
    dataFields: input.dataFields ?? [],
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    signedAt: input.signedAt ?? new Date(),
  });
}
