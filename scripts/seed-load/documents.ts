/**
 * The written notices and decisions of a planned batch, as issueCaseDocument writes them: numbered per department
 * and year from the same counters (a block of numbers taken per department and year, so documents issued by the
 * portal later go on from there), frozen content, signed with the licence key, noted on the trail.
 */
import type pg from "pg";
import type { TCaseDocumentContent } from "@/db/schema";
import { formatDocumentNumber, LAWSUIT_MONTHS, REVIEW_DAYS, SUPPLEMENT_ANSWER_WORKING_DAYS } from "@/lib/documents/document-rules";
import { listFields } from "@/lib/forms/definition";
import { maskIdentifier } from "@/lib/identifiers/mask";
import { signCaseDocument } from "@/server/documents/case-document-signature";
import type { TSigningKey } from "@/server/licences/signing-keys";
import { dayOf, type TPlannedCase, type TPlannedDocument } from "./plan-case";
import type { TRandom } from "./random";
import type { TWorkingDays } from "./reference";

export type TDocumentRow = unknown[];

/** Takes `count` numbers of a department's year from its counter; returns the first. */
async function takeNumbers(client: pg.PoolClient, departmentId: string, year: number, count: number): Promise<number> {
  const { rows } = await client.query<{ last: number }>(
    `insert into document_number_counters (department_id, year, last_value) values ($1, $2, $3)
     on conflict (department_id, year) do update set last_value = document_number_counters.last_value + $3 returning last_value as last`,
    [departmentId, year, count],
  );
  return rows[0].last - count + 1;
}

export async function numberDocuments(client: pg.PoolClient, plans: readonly TPlannedCase[]): Promise<Map<TPlannedDocument, { year: number; sequence: number }>> {
  const groups = new Map<string, TPlannedDocument[]>();
  for (const plan of plans) {
    for (const document of plan.documents) {
      const key = `${document.task.service.departmentId}|${dayOf(document.at).slice(0, 4)}`;
      groups.set(key, [...(groups.get(key) ?? []), document]);
    }
  }
  const numbers = new Map<TPlannedDocument, { year: number; sequence: number }>();
  for (const [key, documents] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [departmentId, year] = key.split("|");
    documents.sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = await takeNumbers(client, departmentId, Number(year), documents.length);
    documents.forEach((document, index) => numbers.set(document, { year: Number(year), sequence: first + index }));
  }
  return numbers;
}

/** The rows of one case's documents, and its document-issued events' data filled in. */
export function documentRows(plan: TPlannedCase, caseNumber: string, numbers: Map<TPlannedDocument, { year: number; sequence: number }>, context: { random: TRandom; days: TWorkingDays; key: TSigningKey }): TDocumentRow[] {
  const { random, days, key } = context;
  const labels = new Map(listFields(plan.subject.form.definition).map((field) => [field.key, field.label]));
  const company = plan.applicant.companyId ? plan.member.identity.company : undefined;
  const rows = plan.documents.map((document) => {
    const service = document.task.service;
    const { year, sequence } = numbers.get(document)!;
    const content: TCaseDocumentContent = {
      caseNumber,
      subjectName: plan.subject.name,
      applicant: company
        ? { kind: "company", name: company.name, maskedNumber: maskIdentifier(company.uscc) }
        : { kind: "person", name: plan.member.identity.name, maskedNumber: plan.member.identity.idNumber ? maskIdentifier(plan.member.identity.idNumber) : null },
      department: { code: service.departmentCode, name: service.departmentName as TCaseDocumentContent["department"]["name"] },
      service: { code: service.code, name: service.name },
      legalBasis: service.legalBasis,
      submittedAt: plan.submittedAt.toISOString(),
    };
    if (document.kind === "supplement-notice") {
      content.supplement = {
        note: document.reason ?? "",
        items: (document.items ?? []).map((item) => ({ key: item.key, label: labels.get(item.key) ?? { "zh-Hans": item.key, "zh-Hant": item.key, en: item.key }, note: item.note })),
        answerBy: days.add(dayOf(document.at), SUPPLEMENT_ANSWER_WORKING_DAYS),
      };
    }
    if (document.kind === "rejection-decision") content.remedies = { ...service.remedies, reviewDays: REVIEW_DAYS, lawsuitMonths: LAWSUIT_MONTHS };
    const unsigned = { id: random.uuid(), caseId: plan.id, taskId: document.task.id, departmentId: service.departmentId, kind: document.kind, number: formatDocumentNumber(service.departmentCode, year, sequence), reason: document.reason, content, issuedAt: document.at };
    return { unsigned, year, sequence, issuedById: document.actorId, signature: signCaseDocument(unsigned, key) };
  });
  for (const event of plan.events) {
    if (event.documentIndex === undefined) continue;
    const { unsigned } = rows[event.documentIndex];
    event.data = { documentId: unsigned.id, kind: unsigned.kind, number: unsigned.number };
  }
  return rows.map(({ unsigned, year, sequence, issuedById, signature }) => [
    unsigned.id, unsigned.caseId, unsigned.taskId, unsigned.departmentId, unsigned.kind, unsigned.number, year, sequence, unsigned.reason, JSON.stringify(unsigned.content), unsigned.issuedAt, issuedById, signature, key.keyId, unsigned.issuedAt,
  ]);
}
