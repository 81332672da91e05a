/**
 * Seed factories, shared by the demo seed and the tests: each creates one kind of record the way the product
 * would, so tests and demo data never drift apart.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import {
  bundleItems,
  bundles,
  calendarDays,
  companies,
  companyMembers,
  departments,
  formDefinitions,
  services,
  users,
  type TRole,
} from "@/db/schema";
import { ZFormDefinition } from "@/lib/forms/definition";
import { listOfficialCalendarDays } from "@/lib/calendar/official-holidays";
import { hashPassword } from "@/server/auth/password";
import type { TSeedBundle, TSeedDepartment, TSeedService } from "./catalog-data";

export const DEMO_PASSWORD = "demo2026";

export async function seedDepartment(db: TDatabase, department: TSeedDepartment) {
  const [row] = await db.insert(departments).values(department).returning();
  return row;
}

export async function seedService(db: TDatabase, service: TSeedService) {
  const [department] = await db.select().from(departments).where(eq(departments.code, service.departmentCode));
  if (!department) throw new Error(`seedService: no department ${service.departmentCode} for ${service.code}`);
  const { form, departmentCode: _departmentCode, ...fields } = service;
  const [row] = await db.insert(services).values({ ...fields, departmentId: department.id }).returning();
  await seedFormDefinition(db, { subjectType: "service", subjectCode: service.code, definition: form });
  return row;
}

export async function seedBundle(db: TDatabase, bundle: TSeedBundle) {
  const { items, form, ...fields } = bundle;
  const [row] = await db.insert(bundles).values(fields).returning();
  for (const [position, item] of items.entries()) {
    const [service] = await db.select().from(services).where(eq(services.code, item.serviceCode));
    if (!service) throw new Error(`seedBundle: no service ${item.serviceCode} for ${bundle.code}`);
    await db.insert(bundleItems).values({ bundleId: row.id, serviceId: service.id, position, appliesWhen: item.appliesWhen });
  }
  await seedFormDefinition(db, { subjectType: "bundle", subjectCode: bundle.code, definition: form });
  return row;
}

/** Stores a definition as the next version of its subject's form, after checking it against the meta-schema. */
export async function seedFormDefinition(
  db: TDatabase,
  input: { subjectType: "service" | "bundle"; subjectCode: string; definition: unknown; version?: number },
) {
  const definition = ZFormDefinition.parse(input.definition);
  const [row] = await db
    .insert(formDefinitions)
    .values({ subjectType: input.subjectType, subjectCode: input.subjectCode, version: input.version ?? 1, definition })
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
      residentIdNumber: input.residentIdNumber ?? null,
      mobile: input.mobile ?? null,
    })
    .returning();
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
