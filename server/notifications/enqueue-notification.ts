/**
 * Writes notifications into the outbox, one row per recipient, inside the caller's transaction: the message exists
 * exactly when the change it reports was committed. Delivery (inbox, e-mail) is the outbox worker's job.
 */
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, companyMembers, outbox, users, type TNotificationParams } from "@/db/schema";

export type TNotificationInput = {
  recipientIds: readonly string[];
  /** The template key under messages "notifications.<topic>". */
  topic: string;
  params?: TNotificationParams;
  caseId?: string | null;
  link?: string | null;
};

export async function enqueueNotification(tx: TDatabase, input: TNotificationInput): Promise<void> {
  const recipients = [...new Set(input.recipientIds)];
  if (recipients.length === 0) return;
  await tx.insert(outbox).values(
    recipients.map((recipientId) => ({
      recipientId,
      topic: input.topic,
      params: input.params ?? {},
      caseId: input.caseId ?? null,
      link: input.link ?? null,
    })),
  );
}

/** Who hears about a case on the applicant's side: the applicant, and every staff member of the applying company. */
export async function listCaseApplicantIds(tx: TDatabase, caseId: string): Promise<string[]> {
  const [row] = await tx.select({ applicantId: cases.applicantId, companyId: cases.companyId }).from(cases).where(eq(cases.id, caseId));
  if (!row) return [];
  if (!row.companyId) return [row.applicantId];
  const staff = await tx.select({ userId: companyMembers.userId }).from(companyMembers).where(eq(companyMembers.companyId, row.companyId));
  return [row.applicantId, ...staff.map((member) => member.userId)];
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
