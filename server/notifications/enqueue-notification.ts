/**
 * Writes notifications into the outbox, one row per recipient, inside the caller's transaction: the message exists
 * exactly when the change it reports was committed. Delivery (inbox, e-mail) is the outbox worker's job.
 * A recipient is a person or a company: a company's message is one row, seen by whoever is its member when they read
 * it (decision 022), not one copy per member at the time of sending.
 */
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { cases, outbox, users, type TNotificationParams } from "@/db/schema";

/** Who a message goes to: people, and companies (each company one message, for all its current members). */
export type TNotificationRecipients = {
  recipientIds?: readonly string[];
  companyIds?: readonly string[];
};

export type TNotificationInput = TNotificationRecipients & {
  /** The template key under messages "notifications.<topic>". */
  topic: string;
  params?: TNotificationParams;
  caseId?: string | null;
  link?: string | null;
};

export async function enqueueNotification(tx: TDatabase, input: TNotificationInput): Promise<void> {
  const message = { topic: input.topic, params: input.params ?? {}, caseId: input.caseId ?? null, link: input.link ?? null };
  const rows = [
    ...[...new Set(input.recipientIds ?? [])].map((recipientId) => ({ ...message, recipientId, companyId: null })),
    ...[...new Set(input.companyIds ?? [])].map((companyId) => ({ ...message, recipientId: null, companyId })),
  ];
  if (rows.length === 0) return;
  // Most messages have one recipient (the applicant, or their company): that insert is built once per process.
  if (rows.length === 1) await insertOne(tx, rows[0]);
  else await tx.insert(outbox).values(rows);
}

type TOutboxValues = Required<Pick<typeof outbox.$inferInsert, "recipientId" | "companyId" | "topic" | "params" | "caseId" | "link">>;
const insertOne = prepareStatement<TOutboxValues, ReturnType<typeof buildInsertOne>>("notifications.insert-outbox-row", buildInsertOne);
function buildInsertOne(db: TDatabase) {
  return db.insert(outbox).values({
    recipientId: sql.placeholder("recipientId"),
    companyId: sql.placeholder("companyId"),
    topic: sql.placeholder("topic"),
    params: sql.placeholder("params"),
    caseId: sql.placeholder("caseId"),
    link: sql.placeholder("link"),
  });
}

/**
 * Who hears about a case on the applicant's side: a person's case, the applicant; a company's case, the company
 * (whoever is its member when they read it, the applicant among them while they stay one).
 */
export async function listCaseRecipients(tx: TDatabase, caseId: string): Promise<TNotificationRecipients> {
  const [row] = await tx.select({ applicantId: cases.applicantId, companyId: cases.companyId }).from(cases).where(eq(cases.id, caseId));
  return row ? caseRecipientsOf(row) : {};
}

/** The same, for a case whose applicant and company the caller holds (intake, writing the case). */
export function caseRecipientsOf(row: { applicantId: string; companyId: string | null }): TNotificationRecipients {
  return row.companyId ? { companyIds: [row.companyId] } : { recipientIds: [row.applicantId] };
}

/** Every clerk of a department (the candidates of its queue) and the department's own supervisors. */
export async function listDepartmentStaffIds(tx: TDatabase, departmentId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.departmentId), eq(users.departmentId, departmentId), or(eq(users.role, "clerk"), eq(users.role, "supervisor"))));
  return rows.map((row) => row.id);
}

/** The supervisors of one department (not those who watch every department: they have the watch list). */
export async function listDepartmentSupervisorIds(tx: TDatabase, departmentId: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, departmentId), eq(users.role, "supervisor")));
  return rows.map((row) => row.id);
}

/** Supervisors who watch every department (电子监察): no department of their own. */
export async function listSupervisorIds(tx: TDatabase): Promise<string[]> {
  const rows = await tx.select({ id: users.id, departmentId: users.departmentId }).from(users).where(inArray(users.role, ["supervisor"]));
  return rows.filter((row) => row.departmentId === null).map((row) => row.id);
}

/** The clerks of a department: those who work its queue (an urging notice is theirs to answer). */
export async function listDepartmentClerkIds(tx: TDatabase, departmentId: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, departmentId), eq(users.role, "clerk")));
  return rows.map((row) => row.id);
}
