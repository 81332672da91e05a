/**
 * What an applicant applies for: a service, or a bundle of services (一件事), with its current form definition and
 * the components (one per service) that routing may select. A single service is a bundle of one, always applying.
 */
import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import {
  bundleItems,
  bundles,
  departments,
  formDefinitions,
  services,
  type TApplicantType,
  type TDepartment,
  type TFormDefinitionRow,
  type TApplySubjectType,
  type TService,
} from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";

// Only what intake and the apply page use: the guide's long texts (materials, legal basis …) stay in the database.
const serviceColumns = {
  id: services.id,
  code: services.code,
  name: services.name,
  departmentId: services.departmentId,
  kind: services.kind,
  instantCheck: services.instantCheck,
  promisedLimitDays: services.promisedLimitDays,
  legalLimitDays: services.legalLimitDays,
  // A retired service takes no new cases: startDraft refuses it, and intake a case that would give it a task.
  retiredAt: services.retiredAt,
};
// retiredAt: a retired department takes no new tasks, so intake refuses a case that would give it one.
const departmentColumns = { code: departments.code, name: departments.name, retiredAt: departments.retiredAt };

export type TApplyComponent = {
  service: Pick<TService, keyof typeof serviceColumns>;
  department: Pick<TDepartment, keyof typeof departmentColumns>;
  appliesWhen: TLogicRule | null;
  /** Codes of the bundle's services whose approval this one waits for. */
  dependsOn: string[];
};

export type TApplySubject = {
  type: TApplySubjectType;
  code: string;
  name: TLocalizedText;
  summary: TLocalizedText;
  applicantType: TApplicantType;
  /** When the admin retired the bundle (a service is never retired here): no new application starts or is submitted. */
  retiredAt: Date | null;
  form: TFormDefinitionRow;
  components: TApplyComponent[];
};

async function findLatestForm(db: TDatabase, type: TApplySubjectType, code: string) {
  const [form] = await db
    .select()
    .from(formDefinitions)
    .where(and(eq(formDefinitions.subjectType, type), eq(formDefinitions.subjectCode, code)))
    .orderBy(desc(formDefinitions.version))
    .limit(1);
  return form ?? null;
}

export async function findApplySubject(db: TDatabase, code: string): Promise<TApplySubject | null> {
  if (!isCatalogCode(code)) return null;
  const [service] = await db
    .select({ service: { ...serviceColumns, summary: services.summary, applicantType: services.applicantType }, department: departmentColumns })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    // Never published: not offered to anyone yet.
    .where(and(eq(services.code, code), gt(services.publishedVersion, 0)))
    .limit(1);
  if (service) {
    const form = await findLatestForm(db, "service", code);
    if (!form) return null;
    return {
      type: "service",
      code,
      name: service.service.name,
      summary: service.service.summary,
      applicantType: service.service.applicantType,
      retiredAt: null,
      form,
      components: [{ service: service.service, department: service.department, appliesWhen: null, dependsOn: [] }],
    };
  }

  const [bundle] = await db.select().from(bundles).where(eq(bundles.code, code)).limit(1);
  if (!bundle) return null;
  const form = await findLatestForm(db, "bundle", code);
  if (!form) return null;
  const items = await db
    .select({ service: serviceColumns, department: departmentColumns, appliesWhen: bundleItems.appliesWhen, dependsOn: bundleItems.dependsOn })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(bundleItems.position));
  return {
    type: "bundle",
    code,
    name: bundle.name,
    summary: bundle.summary,
    applicantType: bundle.applicantType,
    retiredAt: bundle.retiredAt,
    form,
    components: items,
  };
}

/**
 * Whether `code` is a published service whose form has no version yet: why findApplySubject found nothing, so the
 * apply page and startDraft can say "not open for online applications yet" rather than "not found".
 */
export async function isServiceWithoutForm(db: TDatabase, code: string): Promise<boolean> {
  if (!isCatalogCode(code)) return false;
  const [service] = await db.select({ id: services.id }).from(services).where(and(eq(services.code, code), gt(services.publishedVersion, 0))).limit(1);
  if (!service) return false;
  const [forms] = await db.select({ value: count() }).from(formDefinitions).where(and(eq(formDefinitions.subjectType, "service"), eq(formDefinitions.subjectCode, code)));
  return Number(forms.value) === 0;
}
