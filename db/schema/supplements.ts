/**
 * Supplement requests (补正): a clerk lists, all at once, every field or material of the case's form that is missing
 * or wrong, each with a note; the applicant corrects exactly those through the form engine and sends them back.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TAnswers } from "@/lib/forms/answers";
import { cases, tasks } from "./cases";
import { createdAt } from "./columns";
import { users } from "./identity";
import { answersContext } from "@/db/sealing/seal-json";
import { sealedJsonb } from "./sealed-columns";

/** One thing to correct: a field (materials are fields of type "material") of the case's form version. */
export type TSupplementItem = { key: string; note: string };

export const supplementStatuses = ["open", "answered", "closed"] as const;
export type TSupplementStatus = (typeof supplementStatuses)[number];

export const supplementRequests = pgTable(
  "supplement_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    requestedById: uuid("requested_by_id")
      .notNull()
      .references(() => users.id),
    /** A note for the whole request, shown above the items. */
    note: text("note").notNull().default(""),
    items: jsonb("items").$type<TSupplementItem[]>().notNull(),
    /** open: waiting for the applicant; answered: sent back; closed: the task ended before an answer (withdrawn). */
    status: text("status", { enum: supplementStatuses }).notNull().default("open"),
    /** The corrected answers, only for the requested keys; also merged into the case's answers. */
    answers: sealedJsonb<TAnswers>("answers", answersContext),
    answeredById: uuid("answered_by_id").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("supplement_requests_task_idx").on(table.taskId, table.createdAt), index("supplement_requests_case_idx").on(table.caseId)],
);
export type TSupplementRequest = typeof supplementRequests.$inferSelect;
