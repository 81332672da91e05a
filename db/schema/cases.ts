/**
 * Cases (办件) and the department tasks (部门任务) they fan out into, plus each case's event trail:
 * the applicant's timeline and the tamper-evident audit record in one hash-chained list per case.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TAnswers } from "@/lib/forms/answers";
import { caseStatuses, taskKinds, taskStatuses } from "@/lib/workflow/statuses";
import { applicantTypes, departments, services } from "./catalog";
import { createdAt } from "./columns";
import { applySubjectTypes, formDefinitions } from "./forms";
import { companies, users } from "./identity";
import { answersContext } from "@/db/sealing/seal-json";
import { sealedJsonb } from "./sealed-columns";

/** Feeds the readable case number: OD + date + this sequence. */
export const caseNumberSequence = pgSequence("case_number_seq", { startWith: 1, increment: 1 });

export const caseChannels = ["online", "counter", "api"] as const;
export type TCaseChannel = (typeof caseChannels)[number];

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    subjectType: text("subject_type", { enum: applySubjectTypes }).notNull(),
    subjectCode: text("subject_code").notNull(),
    formDefinitionId: uuid("form_definition_id")
      .notNull()
      .references(() => formDefinitions.id),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    /** Set when a legal person applies: the company's staff share the case. */
    companyId: uuid("company_id").references(() => companies.id),
    applicantType: text("applicant_type", { enum: applicantTypes }).notNull(),
    channel: text("channel", { enum: caseChannels }).notNull(),
    /** The counter clerk who filed the case for the applicant (channel "counter"); null when the applicant filed it. */
    filedById: uuid("filed_by_id").references(() => users.id),
    /**
     * Filed at the counter: the version of the consent text the applicant agreed to (they confirmed the answers and
     * that the clerk files for them), and when.
     */
    consentVersion: text("consent_version"),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    answers: sealedJsonb<TAnswers>("answers", answersContext).notNull(),
    /**
     * What the desk's search matches a name against, written at submit (server/cases/describe-applicant.ts): the
     * applicant's and the company's names in lower case with their pinyin and pinyin initials ("张三 zhangsan zs").
     * Null until scripts/setup.ts has filled it in for a case stored before the column existed.
     */
    applicantSearch: text("applicant_search"),
    /** The last four characters of the applicant's ID number, or of the company's credit code: never more. */
    applicantIdTail: text("applicant_id_tail"),
    status: text("status", { enum: caseStatuses }).notNull().default("submitted"),
    /** A repeated submit (double click, refresh, retry) carries the same key and gets the first case back. */
    idempotencyKey: text("idempotency_key").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    concludedAt: timestamp("concluded_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("cases_applicant_idempotency_key").on(table.applicantId, table.idempotencyKey),
    index("cases_applicant_idx").on(table.applicantId, table.submittedAt),
    index("cases_company_idx").on(table.companyId, table.submittedAt),
    // A counter clerk's own filings, newest first (/counter/cases).
    index("cases_filed_by_idx").on(table.filedById, table.submittedAt).where(sql`${table.filedById} is not null`),
    // The admin form page counts and lists cases per form version.
    index("cases_form_definition_idx").on(table.formDefinitionId, table.submittedAt),
    // 办件公示 (/statistics): the latest concluded cases, newest first, in keyset pages.
    index("cases_concluded_idx").on(table.concludedAt.desc(), table.id.desc()).where(sql`${table.concludedAt} is not null`),
    // The desk's search (server/workflow/queue-query.ts): a term's two-character pieces must all be among the
    // search text's (applicant_search_bigrams, a SQL function of the migration), the LIKE then checks the order.
    // Bigrams, not pg_trgm: a Chinese name of two characters has no trigram, and no extension is needed.
    index("cases_applicant_search_bigrams_idx").using("gin", sql`applicant_search_bigrams(${table.applicantSearch})`),
    // A case number by its prefix (LIKE 'OD2026…%'), and the last four of an ID: the search's other two ways.
    index("cases_number_prefix_idx").on(sql`${table.number} text_pattern_ops`),
    index("cases_applicant_id_tail_idx").on(table.applicantIdTail),
  ],
);
export type TCase = typeof cases.$inferSelect;

export const extensionStatuses = ["requested", "approved", "denied"] as const;
export type TExtensionStatus = (typeof extensionStatuses)[number];

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    /**
     * A review of the application (every task submit creates), or the inspection that follows an approval on
     * commitment (告知承诺制): the same service and department, created by the runner, its prerequisite the approval.
     */
    kind: text("kind", { enum: taskKinds }).notNull().default("review"),
    status: text("status", { enum: taskStatuses }).notNull().default("waiting"),
    /** Tasks of the same case that must be approved before this one is ready (a "pending" task waits on them). */
    prerequisiteTaskIds: uuid("prerequisite_task_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The clerk who claimed the task; null while it sits unclaimed in the department queue. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** Bumped by every change, so a stale form or a concurrent change is detected. */
    version: integer("version").notNull().default(1),
    /** The day the task reached its department's queue (its clock's start); null while pending. */
    readyOn: date("ready_on", { mode: "string" }),
    /**
     * 承诺时限 and 法定时限 as calendar dates, counted in working days from `readyOn`. While a pending task waits
     * they are provisional (as if ready today); a supplement moves them by the working days the clock stood still.
     */
    dueDate: date("due_date", { mode: "string" }).notNull(),
    legalDueDate: date("legal_due_date", { mode: "string" }).notNull(),
    /** Set while the clock is stopped for a supplement: the day it stopped and the working days then left. */
    clockStoppedOn: date("clock_stopped_on", { mode: "string" }),
    promisedDaysLeft: integer("promised_days_left"),
    legalDaysLeft: integer("legal_days_left"),
    /** One extension (延期) per task: asked by a clerk with a reason, decided by a supervisor. */
    extensionStatus: text("extension_status", { enum: extensionStatuses }),
    extensionDays: integer("extension_days"),
    extensionReason: text("extension_reason"),
    extensionRequestedById: uuid("extension_requested_by_id").references(() => users.id),
    extensionDecidedById: uuid("extension_decided_by_id").references(() => users.id),
    extensionDecidedAt: timestamp("extension_decided_at", { withTimezone: true }),
    /**
     * When the department's new-task digest counted this task (a waiting, unclaimed task in its queue), so each
     * task is counted once; null until then.
     */
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    /** When the department was told the task is overdue, so it is told once. */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
    /** Public reason of a refusal or rejection, shown to the applicant. */
    reason: text("reason"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("tasks_case_idx").on(table.caseId),
    // At most one inspection per service of a case, however often the approving code runs. (Reviews are not held to
    // one per service here: the queue factories put two tasks of a one-service department in a case.)
    uniqueIndex("tasks_inspection_idx").on(table.caseId, table.serviceId).where(sql`${table.kind} = 'inspection'`),
    index("tasks_queue_idx").on(table.departmentId, table.status, table.dueDate),
    // "Claim next": a department's unclaimed open tasks, oldest due first.
    index("tasks_unclaimed_idx")
      .on(table.departmentId, table.dueDate, table.id)
      .where(sql`${table.assigneeId} is null and ${table.status} in ('waiting', 'accepted', 'supplement-received')`),
    index("tasks_assignee_idx").on(table.assigneeId).where(sql`${table.assigneeId} is not null`),
    // The desk's views in due-date order, each read along its own index and stopped after a page (or the count cap):
    // "mine" (open tasks held by one clerk), "soon due" and "overdue" (clock running), "all".
    index("tasks_mine_idx")
      .on(table.assigneeId, table.dueDate, table.id)
      .where(sql`${table.assigneeId} is not null and ${table.status} in ('pending', 'waiting', 'accepted', 'supplement-requested', 'supplement-received')`),
    index("tasks_running_queue_idx").on(table.departmentId, table.dueDate, table.id).where(sql`${table.status} in ('waiting', 'accepted', 'supplement-received')`),
    index("tasks_department_due_idx").on(table.departmentId, table.dueDate, table.id),
    // The overdue sweep: tasks whose clock runs and whose department has not been told yet, oldest due first.
    index("tasks_overdue_untold_idx")
      .on(table.dueDate, table.id)
      .where(sql`${table.overdueNotifiedAt} is null and ${table.status} in ('waiting', 'accepted', 'supplement-received')`),
    // The new-task digest: a department's waiting, unclaimed tasks it has not been told of yet.
    index("tasks_unannounced_idx")
      .on(table.departmentId)
      .where(sql`${table.announcedAt} is null and ${table.assigneeId} is null and ${table.status} = 'waiting'`),
    // The desk's "done" view: a department's decided tasks, newest decision first, paged by (decided_at, id).
    index("tasks_done_idx").on(table.departmentId, table.decidedAt.desc(), table.id.desc()).where(sql`${table.decidedAt} is not null`),
    // Supervision figures (server/supervision/compute-supervision-figures.ts) over a date range of every department:
    // tasks received (ready) in the range, decided in the range, whose due date falls in it, extended in it; and
    // the running tasks past their due date now.
    index("tasks_ready_on_idx").on(table.readyOn).where(sql`${table.readyOn} is not null`),
    index("tasks_decided_at_idx").on(table.decidedAt).where(sql`${table.decidedAt} is not null`),
    index("tasks_due_date_idx").on(table.dueDate),
    index("tasks_running_due_idx").on(table.dueDate).where(sql`${table.status} in ('waiting', 'accepted', 'supplement-received')`),
    index("tasks_extension_decided_idx").on(table.extensionDecidedAt).where(sql`${table.extensionDecidedAt} is not null`),
  ],
);
export type TTask = typeof tasks.$inferSelect;

export const caseEvents = pgTable(
  "case_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    taskId: uuid("task_id").references(() => tasks.id),
    /** Null for acts of the system itself (an instant service's automatic approval). */
    actorId: uuid("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** Whether the applicant sees this event on the tracker's timeline (a claim is internal). */
    public: boolean("public").notNull(),
    /** SHA-256 over the previous event's hash and this event's content: rewriting one breaks the chain. */
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("case_events_case_idx").on(table.caseId, table.id)],
);
export type TCaseEvent = typeof caseEvents.$inferSelect;
