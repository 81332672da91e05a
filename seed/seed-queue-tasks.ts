/**
 * A department queue full of work, for the queue tests and `npm run bench:claim`: `count` unclaimed tasks of one
 * department in fresh cases, written in bulk (a few statements per 500 rows, not a submission per case). Each case
 * gets a real case number and its first trail event, so claims append to a valid hash chain.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { caseEvents, cases, companies, departments, formDefinitions, services, tasks, users, type TCaseChannel } from "@/db/schema";
import type { TTaskStatus } from "@/lib/workflow/statuses";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import { formatCaseNumber } from "@/lib/workflow/case-number";
import { hashCaseEvent } from "@/server/cases/append-case-event";
import { applicantSearchFor } from "@/server/cases/describe-applicant";

export type TSeedQueueTasksInput = {
  departmentCode: string;
  count: number;
  /** Tasks of the department per case (a bundle may hold two services of one department). Default 1. */
  tasksPerCase?: number;
  /** Due dates are spread over this many days from `firstDueDate`, so many tasks share a date. Default 30. */
  dueDateSpread?: number;
  firstDueDate?: string;
  status?: TTaskStatus;
  /** The applicant's username. Default "citizen". */
  applicant?: string;
  /** The applicant's row instead, for a person without a user name (one recorded at the counter). */
  applicantId?: string;
  /** The credit code of the company the applicant acts for, if a company applies. */
  companyUscc?: string;
  /** Default "online". */
  channel?: TCaseChannel;
};

const chunkSize = 500;

/** Returns the task ids in insertion order. */
export async function seedQueueTasks(db: TDatabase, input: TSeedQueueTasksInput): Promise<string[]> {
  const { departmentCode, count, tasksPerCase = 1, dueDateSpread = 30, status = "waiting", applicant = "citizen", channel = "online" } = input;
  const today = toIsoDate(new Date());
  const firstDueDate = input.firstDueDate ?? addDays(today, 1);
  const [department] = await db.select().from(departments).where(eq(departments.code, departmentCode));
  if (!department) throw new Error(`seedQueueTasks: no department ${departmentCode}`);
  const serviceRows = await db.select().from(services).where(eq(services.departmentId, department.id)).orderBy(services.code);
  if (serviceRows.length === 0) throw new Error(`seedQueueTasks: department ${departmentCode} has no services`);
  const [form] = await db.select({ id: formDefinitions.id }).from(formDefinitions).where(eq(formDefinitions.subjectCode, serviceRows[0].code));
  const [person] = await db
    .select({ id: users.id, name: users.displayName, idNumber: users.residentIdNumber })
    .from(users)
    .where(input.applicantId ? eq(users.id, input.applicantId) : eq(users.username, applicant));
  if (!form || !person) throw new Error("seedQueueTasks: seed the demo data first");

  const [company] = input.companyUscc
    ? await db.select({ id: companies.id, name: companies.name, uscc: companies.uscc }).from(companies).where(eq(companies.uscc, input.companyUscc))
    : [];
  if (input.companyUscc && !company) throw new Error(`seedQueueTasks: no company ${input.companyUscc}`);
  const search = applicantSearchFor({ person, company });
  const caseCount = Math.ceil(count / tasksPerCase);
  const taskIds: string[] = [];
  for (let start = 0; start < caseCount; start += chunkSize) {
    const size = Math.min(chunkSize, caseCount - start);
    const numbers = await db.select({ n: sql<string>`nextval('case_number_seq')::text` }).from(sql`generate_series(1, ${size})`);
    const caseRows = numbers.map((row) => ({
      id: randomUUID(),
      number: formatCaseNumber(today, Number(row.n)),
      subjectType: "service" as const,
      subjectCode: serviceRows[0].code,
      formDefinitionId: form.id,
      applicantId: person.id,
      companyId: company?.id ?? null,
      applicantType: serviceRows[0].applicantType,
      channel,
      answers: {},
      ...search,
      idempotencyKey: randomUUID(),
    }));
    await db.insert(cases).values(caseRows);
    const at = new Date();
    await db.insert(caseEvents).values(
      caseRows.map((row) => {
        const event = { caseId: row.id, actorId: person.id, kind: "case-submitted", data: {}, public: true };
        return { ...event, prevHash: null, hash: hashCaseEvent(null, { ...event, at: at.toISOString() }), createdAt: at };
      }),
    );
    const taskRows = caseRows.flatMap((row, caseIndex) =>
      Array.from({ length: tasksPerCase }, (_, position) => {
        const index = (start + caseIndex) * tasksPerCase + position;
        const dueDate = addDays(firstDueDate, index % dueDateSpread);
        return {
          id: randomUUID(),
          caseId: row.id,
          serviceId: serviceRows[position % serviceRows.length].id,
          departmentId: department.id,
          status,
          readyOn: today,
          dueDate,
          legalDueDate: addDays(dueDate, 10),
        };
      }),
    ).slice(0, count - taskIds.length);
    await db.insert(tasks).values(taskRows);
    taskIds.push(...taskRows.map((row) => row.id));
  }
  return taskIds;
}
