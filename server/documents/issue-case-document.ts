/**
 * Issues the written notice or decision a transition calls for (行政许可法 arts. 32, 38, 40), inside the
 * transition's transaction: a rolled-back transition issues nothing. The document is numbered per department and
 * year, and frozen as it stands today — the department's and service's names, the legal basis and remedies from the
 * service guide, the applicant as registered, the clerk's reason, a supplement's items — then signed, stored with
 * the case and noted on its trail. Called only by runTaskTransition, which says which action issues which kind.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { caseDocuments, cases, companies, departments, formDefinitions, services, users, type TCaseDocument, type TCaseDocumentContent, type TCaseDocumentKind } from "@/db/schema";
import { nextDocumentSequence } from "@/db/sequences";
import { addWorkingDays, toIsoDate, type TCalendar } from "@/lib/calendar/working-days";
import { formatDocumentNumber, LAWSUIT_MONTHS, remediesOf, REVIEW_DAYS, SUPPLEMENT_ANSWER_WORKING_DAYS } from "@/lib/documents/document-rules";
import { listFields } from "@/lib/forms/definition";
import { maskIdentifier } from "@/lib/identifiers/mask";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { loadSubjectName } from "@/server/cases/get-case-for-applicant";
import { getActiveSigningKey, publishSigningKey, type TSigningKey } from "@/server/licences/signing-keys";
import { signCaseDocument } from "./case-document-signature";

export type TIssueCaseDocumentInput = {
  kind: TCaseDocumentKind;
  caseId: string;
  taskId: string;
  serviceId: string;
  departmentId: string;
  /** The clerk whose action issues it. */
  actorId: string | null;
  /** The reason as the clerk wrote or chose it (a refusal, a rejection), or a supplement request's note. */
  reason: string | null;
  /** A supplement request's items, as the transition's event data carries them. */
  supplementItems?: { key: string; note: string }[];
  /** An approval on the applicant's commitment (告知承诺制): the decision says so, and that an inspection follows. */
  onCommitment?: boolean;
  now: Date;
  calendar: TCalendar;
};

export async function issueCaseDocument(tx: TDatabase, input: TIssueCaseDocumentInput, key: TSigningKey = getActiveSigningKey()): Promise<TCaseDocument | null> {
  const { kind, caseId, taskId, departmentId, now } = input;
  // Accepting again after a supplement is not a second 受理: one acceptance (or decision) per task.
  if (kind !== "supplement-notice") {
    const [existing] = await tx.select({ id: caseDocuments.id }).from(caseDocuments).where(and(eq(caseDocuments.taskId, taskId), eq(caseDocuments.kind, kind)));
    if (existing) return null;
  }
  const [found] = await tx
    .select({ case: cases, applicantName: users.displayName, applicantIdNumber: users.residentIdNumber, companyName: companies.name, companyUscc: companies.uscc })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .where(eq(cases.id, caseId));
  const [service] = await tx.select().from(services).where(eq(services.id, input.serviceId));
  const [department] = await tx.select().from(departments).where(eq(departments.id, departmentId));

  const today = toIsoDate(now);
  const year = Number(today.slice(0, 4));
  const sequence = await nextDocumentSequence(tx, departmentId, year);
  const content: TCaseDocumentContent = {
    caseNumber: found.case.number,
    subjectName: await loadSubjectName(tx, found.case),
    applicant:
      found.case.companyId && found.companyName
        ? { kind: "company", name: found.companyName, maskedNumber: found.companyUscc ? maskIdentifier(found.companyUscc) : null }
        : { kind: "person", name: found.applicantName, maskedNumber: found.applicantIdNumber ? maskIdentifier(found.applicantIdNumber) : null },
    department: { code: department.code, name: department.name },
    service: { code: service.code, name: service.name },
    legalBasis: service.legalBasis,
    submittedAt: found.case.submittedAt.toISOString(),
  };
  if (kind === "supplement-notice") {
    const [form] = await tx.select({ definition: formDefinitions.definition }).from(formDefinitions).where(eq(formDefinitions.id, found.case.formDefinitionId));
    const labels = new Map(listFields(form.definition).map((field) => [field.key, field.label]));
    content.supplement = {
      note: input.reason ?? "",
      items: (input.supplementItems ?? []).map((item) => ({ key: item.key, label: labels.get(item.key) ?? { "zh-Hans": item.key, "zh-Hant": item.key, en: item.key }, note: item.note })),
      answerBy: addWorkingDays(today, SUPPLEMENT_ANSWER_WORKING_DAYS, input.calendar),
    };
  }
  if (kind === "approval-decision" && input.onCommitment) content.onCommitment = true;
  if (kind === "rejection-decision") content.remedies = { ...remediesOf(service, department), reviewDays: REVIEW_DAYS, lawsuitMonths: LAWSUIT_MONTHS };

  const unsigned = {
    id: randomUUID(),
    caseId,
    taskId,
    departmentId,
    kind,
    number: formatDocumentNumber(department.code, year, sequence),
    reason: input.reason,
    content,
    issuedAt: now,
  };
  await publishSigningKey(tx, key);
  const [document] = await tx
    .insert(caseDocuments)
    .values({ ...unsigned, year, sequence, issuedById: input.actorId, signature: signCaseDocument(unsigned, key), keyId: key.keyId })
    .returning();
  await appendCaseEvent(tx, { caseId, taskId, actorId: input.actorId, kind: "document-issued", data: { documentId: document.id, kind, number: document.number }, public: true });
  return document;
}
