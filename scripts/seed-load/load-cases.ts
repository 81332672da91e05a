/**
 * Adds `count` planned cases to a PostgreSQL database in batches: case and licence numbers from their sequences,
 * licences signed as insertSignedLicence signs them, each case's trail hash-chained as appendCaseEvent chains it,
 * then every table of the batch written with one `unnest` insert in one transaction. The next batch is planned
 * while the last one is written, so Node and PostgreSQL work at the same time (two cores).
 */
import type pg from "pg";
import type { TAnswers } from "@/lib/forms/answers";
import { addDays } from "@/lib/calendar/working-days";
import { fillLicenceTemplate } from "@/lib/licences/fill-licence-template";
import { computeValidUntil } from "@/lib/licences/validity";
import { formatCaseNumber } from "@/lib/workflow/case-number";
import { COUNTER_CONSENT_VERSION } from "@/server/counter/counter-consent";
import { hashCaseEvent } from "@/server/cases/append-case-event";
import { formatLicenceNumber } from "@/server/licences/issue-licence";
import { getLicenceHashKeys } from "@/server/licences/licence-hash-key";
import { buildLicencePayload, hashKeyIdFor, LICENCE_PAYLOAD_VERSION } from "@/server/licences/licence-payload";
import { signLicencePayload } from "@/server/licences/licence-signature";
import type { TSigningKey } from "@/server/licences/signing-keys";
import type { TApplySubject } from "@/server/catalog/find-apply-subject";
import { documentRows, numberDocuments } from "./documents";
import { answerVariants, prefilledKeys, withIdentity } from "./answers";
import type { TApplicant, TApplicants } from "./applicants";
import { beijing, dayOf, planCase, type TPlannedCase } from "./plan-case";
import { createRandom, streamKey, type TRandom } from "./random";
import type { TReference } from "./reference";
import { writeBatch, type TLicenceRow } from "./write-batch";
import { answersContext, sealSensitiveAnswers, storedJsonbText } from "@/db/sealing/seal-json";

export type TLoadOptions = {
  pool: pg.Pool;
  reference: TReference;
  applicants: TApplicants;
  seed: string;
  /** The index of the first case (cases this loader added before), so a second run adds new cases. */
  firstIndex: number;
  count: number;
  now: Date;
  signingKey: TSigningKey;
  batchSize?: number;
  onProgress?: (progress: { cases: number; tasks: number; events: number; licences: number; documents: number; waitSeconds: number }) => void;
};

/** How often each subject is applied for: the instant proof most, bundles and company services less. */
function subjectWeight(subject: TApplySubject): number {
  if (subject.code === "HRSS-PROOF") return 12;
  return (subject.type === "bundle" ? 3 : 2) + (streamKey(subject.code) % 5);
}

/** A day of the last two years, more often recent: mostly working days (the counter only on them), a few online on days off. */
function submissionTime(random: TRandom, reference: TReference, today: string, now: Date, counter: boolean): Date {
  for (;;) {
    // More of them lately, as more people apply online (and the recent ones are the open ones the desk shows).
    const day = addDays(today, -Math.floor(730 * random.next() ** 1.3));
    if (!reference.days.isWorking(day) && (counter || !random.chance(0.12))) continue;
    // Office hours at the counter; online from early to late, busiest mid-morning and mid-afternoon.
    const minutes = counter ? random.int(9 * 60, 17 * 60) : random.chance(0.7) ? random.int(9 * 60, 17 * 60) : random.int(7 * 60, 23 * 60);
    const at = beijing(day, minutes + random.next());
    if (at < now) return at;
  }
}

function chooseApplicant(random: TRandom, heavy: TApplicant[], pool: TApplicant[], heavyShares: number[]): TApplicant {
  let roll = random.next();
  for (const [index, share] of heavyShares.entries()) {
    if (index >= heavy.length) break;
    if (roll < share) return heavy[index];
    roll -= share;
  }
  // The pool with a long tail: a few regulars, many who apply once or twice.
  const skewed = Math.floor(pool.length * random.next() ** 1.6);
  return pool[Math.min(pool.length - 1, skewed)] ?? heavy[0];
}

/** Heavy applicants' shares of their kind's cases: the demo account several thousand cases in all, the others fewer. */
export function heavyShares(count: number, kindShare: number): number[] {
  const ofKind = Math.max(1, count * kindShare);
  return [Math.min(0.35, 4000 / ofKind), Math.min(0.05, 1500 / ofKind), Math.min(0.05, 1500 / ofKind), Math.min(0.04, 1000 / ofKind)];
}

export async function loadCases(options: TLoadOptions) {
  const { pool, reference, applicants, seed, firstIndex, count, now, signingKey } = options;
  const batchSize = options.batchSize ?? 2000;
  const today = dayOf(now);
  const hashKeys = getLicenceHashKeys();
  const subjects = reference.subjects;
  const weights = subjects.map((subject) => [subject.code, subjectWeight(subject)] as const);
  const byCode = new Map(subjects.map((subject) => [subject.code, subject]));
  const natural = subjects.filter((subject) => subject.applicantType === "natural");
  const naturalShare = natural.reduce((sum, subject) => sum + subjectWeight(subject), 0) / weights.reduce((sum, [, weight]) => sum + weight, 0);
  const citizenShares = heavyShares(count, naturalShare);
  const companyShares = heavyShares(count, 1 - naturalShare);
  // A few answer variants per form, made once (validated as intake validates), the applicant's identity laid over.
  const sample = applicants.heavyCitizens[0].members[0].identity;
  const companySample = applicants.heavyCompanies[0].members[0].identity;
  const variants = new Map<string, { answers: TAnswers[]; prefilled: { key: string; source: string }[] }>();
  for (const subject of subjects) {
    const identity = subject.applicantType === "legal" ? companySample : sample;
    variants.set(subject.code, { answers: answerVariants(subject.form.definition, createRandom(seed, "answers", subject.code), today, identity, 24), prefilled: prefilledKeys(subject.form.definition) });
  }

  // Time Node spent waiting for PostgreSQL to finish the previous batch: near zero means planning is the limit.
  const totals = { cases: 0, tasks: 0, events: 0, licences: 0, documents: 0, waitSeconds: 0 };
  let writing: Promise<void> | null = null;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const planned: { plan: TPlannedCase; index: number }[] = [];
    for (let offset = 0; offset < size; offset += 1) {
      const index = firstIndex + start + offset;
      const random = createRandom(seed, "case", index);
      const subject = byCode.get(random.weighted(weights))!;
      const channel = random.weighted([["online", 85], ["counter", 10], ["api", 5]] as const);
      const applicant = subject.applicantType === "natural" ? chooseApplicant(random, applicants.heavyCitizens, applicants.citizens, citizenShares) : chooseApplicant(random, applicants.heavyCompanies, applicants.companies, companyShares);
      // A company's agent files a quarter of its cases, its legal representative the rest.
      const member = applicant.members.length > 1 && random.chance(0.25) ? applicant.members[1] : applicant.members[0];
      const own = variants.get(subject.code)!;
      const answers = withIdentity(random.pick(own.answers), own.prefilled, member.identity);
      const submittedAt = submissionTime(random, reference, today, now, channel === "counter");
      planned.push({ plan: planCase({ random, reference, now, today }, { subject, applicant, member, submittedAt, channel, answers }), index });
    }
    // Numbers in the order of submission within the batch, as the sequence gives them out.
    planned.sort((a, b) => a.plan.submittedAt.getTime() - b.plan.submittedAt.getTime());
    const client = await pool.connect();
    let caseNumbers: number[];
    let licenceNumbers: number[];
    let documentNumbers: Awaited<ReturnType<typeof numberDocuments>>;
    const licenceCount = planned.reduce((sum, { plan }) => sum + plan.licences.length, 0);
    try {
      caseNumbers = (await client.query<{ n: string }>(`select nextval('case_number_seq')::text as n from generate_series(1, $1)`, [size])).rows.map((row) => Number(row.n));
      licenceNumbers = (await client.query<{ n: string }>(`select nextval('licence_number_seq')::text as n from generate_series(1, $1)`, [licenceCount])).rows.map((row) => Number(row.n));
      documentNumbers = await numberDocuments(client, planned.map(({ plan }) => plan));
    } finally {
      client.release();
    }
    const licenceRows: TLicenceRow[] = [];
    const documentRowsOfBatch: unknown[][] = [];
    const caseRows: unknown[][] = [];
    let licenceCursor = 0;
    for (const [position, { plan, index }] of planned.entries()) {
      const number = formatCaseNumber(dayOf(plan.submittedAt), caseNumbers[position]);
      const random = createRandom(seed, "licence", index);
      const issued = plan.licences.map((licence) => {
        const template = licence.service.licenceTemplate!;
        const day = dayOf(licence.at);
        const company = plan.member.identity.company;
        const { data, dataFields } = fillLicenceTemplate({ template, definition: plan.subject.form.definition, answers: plan.answers });
        const holder = plan.applicant.companyId
          ? { holderName: company!.name, holderUscc: company!.uscc, holderIdNumber: null, holderUserId: null, holderCompanyId: plan.applicant.companyId }
          : { holderName: plan.member.identity.name, holderIdNumber: plan.member.identity.idNumber, holderUscc: null, holderUserId: plan.applicantId, holderCompanyId: null };
        const content = {
          id: random.uuid(),
          number: formatLicenceNumber(template.numberPrefix, day, licenceNumbers[licenceCursor++]),
          type: template.type,
          title: template.title,
          ...holder,
          issuerCode: licence.service.departmentCode,
          issuerName: licence.service.departmentName as TLicenceRow["issuerName"],
          data,
          dataFields,
          validFrom: day,
          validUntil: computeValidUntil(day, template.validityMonths),
          signedAt: licence.at,
        };
        const withKeys = { ...content, payloadVersion: LICENCE_PAYLOAD_VERSION, hashKeyId: hashKeyIdFor(content, hashKeys) };
        const signature = signLicencePayload(buildLicencePayload(withKeys, hashKeys), signingKey);
        const row: TLicenceRow = { ...withKeys, caseId: plan.id, taskId: licence.taskId, issuingDepartmentId: licence.service.departmentId, signature, keyId: signingKey.keyId };
        licenceRows.push(row);
        return row;
      });
      documentRowsOfBatch.push(...documentRows(plan, number, documentNumbers, { random: createRandom(seed, "document", index), days: reference.days, key: signingKey }));
      for (const event of plan.events) {
        if (event.licenceIndex === undefined) continue;
        const licence = issued[event.licenceIndex];
        event.data = { licenceId: licence.id, number: licence.number, title: licence.title };
      }
      caseRows.push([
        plan.id,
        number,
        plan.subject.type,
        plan.subject.code,
        plan.subject.form.id,
        plan.applicantId,
        plan.applicant.companyId,
        plan.subject.applicantType,
        plan.channel,
        plan.filedById,
        plan.filedById ? COUNTER_CONSENT_VERSION : null,
        plan.filedById ? plan.submittedAt : null,
        storedJsonbText(sealSensitiveAnswers(plan.subject.form.definition, plan.answers), answersContext),
        plan.member.search.applicantSearch,
        plan.member.search.applicantIdTail,
        plan.status,
        `seed-load:${seed}:${index}`,
        plan.submittedAt,
        plan.concludedAt,
        plan.updatedAt,
      ]);
    }
    const plans = planned.map(({ plan }) => plan);
    const eventRows = plans.flatMap((plan) => {
      let prevHash: string | null = null;
      return plan.events.map((event) => {
        const stored = { caseId: plan.id, taskId: event.taskId, actorId: event.actorId, kind: event.kind, data: event.data, public: event.public };
        const hash = hashCaseEvent(prevHash, { ...stored, at: event.at.toISOString() });
        const row = [plan.id, event.taskId, event.actorId, event.kind, JSON.stringify(event.data), event.public, prevHash, hash, event.at];
        prevHash = hash;
        return row;
      });
    });
    const waitStarted = performance.now();
    if (writing) await writing;
    totals.waitSeconds += (performance.now() - waitStarted) / 1000;
    writing = writeBatch(pool, { plans, caseRows, eventRows, licenceRows, documentRows: documentRowsOfBatch });
    totals.cases += size;
    totals.tasks += plans.reduce((sum, plan) => sum + plan.tasks.length, 0);
    totals.events += eventRows.length;
    totals.licences += licenceRows.length;
    totals.documents += documentRowsOfBatch.length;
    options.onProgress?.({ ...totals });
  }
  const waitStarted = performance.now();
  if (writing) await writing;
  totals.waitSeconds += (performance.now() - waitStarted) / 1000;
  return totals;
}
