/** One batch of planned cases, written table by table in one transaction (rows of a table in one statement). */
import type pg from "pg";
import type { TLicence } from "@/db/schema";
import type { TPlannedCase } from "./plan-case";
import { insertRows, uuidArrayText, type TColumn } from "./write-rows";
import { answersContext, sealSensitiveAnswers, storedJsonbText } from "@/db/sealing/seal-json";
import { sealText } from "@/db/sealing/seal";

export type TLicenceRow = Pick<
  TLicence,
  | "id" | "number" | "type" | "title" | "holderUserId" | "holderCompanyId" | "holderName" | "holderIdNumber" | "holderUscc" | "issuingDepartmentId" | "issuerCode" | "issuerName"
  | "data" | "dataFields" | "validFrom" | "validUntil" | "caseId" | "taskId" | "signature" | "keyId" | "payloadVersion" | "hashKeyId" | "signedAt"
>;

const columns = (spec: string): TColumn[] =>
  spec.split(/\s+/).filter(Boolean).map((entry) => {
    const [name, type, cast] = entry.split(":");
    return { name, type, cast };
  });

const caseColumns = columns(`id:uuid number:text subject_type:text subject_code:text form_definition_id:uuid applicant_id:uuid company_id:uuid applicant_type:text channel:text
  filed_by_id:uuid consent_version:text consented_at:timestamptz answers:text:jsonb applicant_search:text applicant_id_tail:text status:text idempotency_key:text
  submitted_at:timestamptz concluded_at:timestamptz updated_at:timestamptz`);
const taskColumns = columns(`id:uuid case_id:uuid service_id:uuid department_id:uuid kind:text status:text prerequisite_task_ids:text:uuid[] assignee_id:uuid version:int4
  ready_on:date due_date:date legal_due_date:date clock_stopped_on:date promised_days_left:int4 legal_days_left:int4 extension_status:text extension_days:int4
  extension_reason:text extension_requested_by_id:uuid extension_decided_by_id:uuid extension_decided_at:timestamptz announced_at:timestamptz
  overdue_notified_at:timestamptz reason:text claimed_at:timestamptz decided_at:timestamptz created_at:timestamptz updated_at:timestamptz`);
const eventColumns = columns(`case_id:uuid task_id:uuid actor_id:uuid kind:text data:text:jsonb public:bool prev_hash:text hash:text created_at:timestamptz`);
const supplementColumns = columns(`id:uuid task_id:uuid case_id:uuid requested_by_id:uuid note:text items:text:jsonb status:text answers:text:jsonb answered_by_id:uuid answered_at:timestamptz created_at:timestamptz`);
const licenceColumns = columns(`id:uuid number:text type:text title:text:jsonb holder_user_id:uuid holder_company_id:uuid holder_name:text holder_id_number:text holder_uscc:text
  issuing_department_id:uuid issuer_code:text issuer_name:text:jsonb data:text:jsonb data_fields:text:jsonb status:text valid_from:date valid_until:date case_id:uuid task_id:uuid
  signature:text key_id:text payload_version:int4 hash_key_id:text signed_at:timestamptz created_at:timestamptz`);
const documentColumns = columns(`id:uuid case_id:uuid task_id:uuid department_id:uuid kind:text number:text year:int4 sequence:int4 reason:text content:text:jsonb issued_at:timestamptz
  issued_by_id:uuid signature:text key_id:text created_at:timestamptz`);
const ratingColumns = columns(`id:uuid case_id:uuid rated_by_id:uuid overall:int4 efficiency:int4 guide_accuracy:int4 convenience:int4 comment:text created_at:timestamptz`);
const followUpColumns = columns(`id:uuid rating_id:uuid case_id:uuid department_id:uuid due_on:date status:text reply:text replied_by_id:uuid replied_at:timestamptz created_at:timestamptz`);

export async function writeBatch(pool: pg.Pool, batch: { plans: TPlannedCase[]; caseRows: unknown[][]; eventRows: unknown[][]; licenceRows: TLicenceRow[]; documentRows: unknown[][] }): Promise<void> {
  const { plans } = batch;
  const taskRows = plans.flatMap((plan) =>
    plan.tasks.map((task) => [
      task.id, plan.id, task.service.id, task.service.departmentId, "review", task.status, uuidArrayText(task.prerequisiteTaskIds), task.assigneeId, task.version,
      task.readyOn, task.dueDate, task.legalDueDate, task.clockStoppedOn, task.promisedDaysLeft, task.legalDaysLeft, task.extensionStatus, task.extensionDays,
      task.extensionReason, task.extensionRequestedById, task.extensionDecidedById, task.extensionDecidedAt, task.announcedAt,
      task.overdueNotifiedAt, task.reason, task.claimedAt, task.decidedAt, task.createdAt, task.updatedAt,
    ]),
  );
  const supplementRows = plans.flatMap((plan) =>
    plan.supplements.map((s) => [s.id, s.taskId, plan.id, s.requestedById, s.note, JSON.stringify(s.items), s.status, s.answers ? storedJsonbText(sealSensitiveAnswers(plan.subject.form.definition, s.answers), answersContext) : null, s.answeredById, s.answeredAt, s.createdAt]),
  );
  const licenceRows = batch.licenceRows.map((l) => [
    l.id, l.number, l.type, JSON.stringify(l.title), l.holderUserId, l.holderCompanyId, l.holderName, l.holderIdNumber === null ? null : sealText(l.holderIdNumber, "licences.holder_id_number"), l.holderUscc, l.issuingDepartmentId, l.issuerCode,
    JSON.stringify(l.issuerName), storedJsonbText(l.data, "licences.data"), JSON.stringify(l.dataFields), "valid", l.validFrom, l.validUntil, l.caseId, l.taskId, l.signature, l.keyId,
    l.payloadVersion, l.hashKeyId, l.signedAt, l.signedAt,
  ]);
  const ratingRows = plans.flatMap((plan) => (plan.rating ? [[plan.rating.id, plan.id, plan.rating.ratedById, plan.rating.overall, plan.rating.efficiency, plan.rating.guideAccuracy, plan.rating.convenience, plan.rating.comment, plan.rating.createdAt]] : []));
  const followUpRows = plans.flatMap((plan) => plan.followUps.map((f) => [f.id, plan.rating!.id, plan.id, f.departmentId, f.dueOn, f.status, f.reply, f.repliedById, f.repliedAt, f.createdAt]));

  const client = await pool.connect();
  try {
    await client.query("begin");
    // The batch is the loader's own: a crash leaves nothing half written, and the next run starts after it.
    await client.query("set local synchronous_commit = off");
    await insertRows(client, "cases", caseColumns, batch.caseRows);
    await insertRows(client, "tasks", taskColumns, taskRows);
    await insertRows(client, "case_events", eventColumns, batch.eventRows);
    await insertRows(client, "supplement_requests", supplementColumns, supplementRows);
    await insertRows(client, "licences", licenceColumns, licenceRows);
    await insertRows(client, "case_documents", documentColumns, batch.documentRows);
    await insertRows(client, "ratings", ratingColumns, ratingRows);
    await insertRows(client, "rating_follow_ups", followUpColumns, followUpRows);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}
