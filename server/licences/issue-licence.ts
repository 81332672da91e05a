/**
 * An approval issues the licence its service yields (the service's licence template), inside the approving
 * transaction: the number, the holder as printed (the company the case was filed for, else the applicant), the
 * issuing department, the validity, the data taken from the case's answers; signed, written, and noted on the
 * case's trail. Called by runTaskTransition for every approval: a clerk's, and the system's instant one at submit.
 * A rolled-back approval therefore issues nothing, and the unique task id means one approval, one licence.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, companies, departments, formDefinitions, services, users, type TLicence } from "@/db/schema";
import { nextLicenceSequence } from "@/db/sequences";
import { fillLicenceTemplate } from "@/lib/licences/fill-licence-template";
import { ZLicenceTemplate } from "@/lib/licences/licence-template";
import { computeValidUntil } from "@/lib/licences/validity";
import { toIsoDate } from "@/lib/calendar/working-days";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { insertSignedLicence } from "./insert-signed-licence";

export type TIssueLicenceOptions = {
  caseId: string;
  taskId: string;
  serviceId: string;
  departmentId: string;
  /** Who approved; null for the system (an instant service). */
  actorId: string | null;
  now: Date;
};

/** e.g. JY-20260301-000042: the template's prefix, the day of issue, a running number. */
export function formatLicenceNumber(prefix: string, isoDate: string, sequence: number): string {
  return `${prefix}-${isoDate.replaceAll("-", "")}-${String(sequence).padStart(6, "0")}`;
}

/** Issues the licence, or returns null when the service yields none. */
export async function issueLicence(tx: TDatabase, options: TIssueLicenceOptions): Promise<TLicence | null> {
  const { caseId, taskId, serviceId, departmentId, actorId, now } = options;
  const [service] = await tx.select({ template: services.licenceTemplate }).from(services).where(eq(services.id, serviceId));
  if (!service?.template) return null;
  // The template was checked when it was stored; a row that no longer parses is a data fault to see, not skip.
  const template = ZLicenceTemplate.parse(service.template);

  const [found] = await tx
    .select({ case: cases, definition: formDefinitions.definition })
    .from(cases)
    .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
    .where(eq(cases.id, caseId));
  const [department] = await tx.select().from(departments).where(eq(departments.id, departmentId));
  const holder = found.case.companyId
    ? await tx
        .select({ name: companies.name, uscc: companies.uscc })
        .from(companies)
        .where(eq(companies.id, found.case.companyId))
        .then(([company]) => ({ holderName: company.name, holderUscc: company.uscc, holderIdNumber: null, holderUserId: null, holderCompanyId: found.case.companyId }))
    : await tx
        .select({ name: users.displayName, idNumber: users.residentIdNumber })
        .from(users)
        .where(eq(users.id, found.case.applicantId))
        .then(([person]) => ({ holderName: person.name, holderIdNumber: person.idNumber, holderUscc: null, holderUserId: found.case.applicantId, holderCompanyId: null }));

  const today = toIsoDate(now);
  const { data, dataFields } = fillLicenceTemplate({ template, definition: found.definition, answers: found.case.answers });
  const licence = await insertSignedLicence(tx, {
    number: formatLicenceNumber(template.numberPrefix, today, await nextLicenceSequence(tx)),
    type: template.type,
    title: template.title,
    ...holder,
    issuingDepartmentId: departmentId,
    issuerCode: department.code,
    issuerName: department.name,
    data,
    dataFields,
    validFrom: today,
    validUntil: computeValidUntil(today, template.validityMonths),
    caseId,
    taskId,
    signedAt: now,
  });
  await appendCaseEvent(tx, {
    caseId,
    taskId,
    actorId,
    kind: "licence-issued",
    data: { licenceId: licence.id, number: licence.number, title: licence.title },
    public: true,
  });
  return licence;
}
