/**
 * One case as its applicant sees it on the tracker: each department's task, due dates and the public timeline, and
 * who filed it at the counter if a clerk did. The counter clerk who filed a case reads it the same way.
 */
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, caseEvents, cases, formDefinitions, services, supplementRequests, users } from "@/db/schema";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { casesVisibleTo } from "./case-access";
import { listCaseTasks } from "./list-case-tasks";

export async function getCaseForApplicant({ db, actor, caseNumber }: { db: TDatabase; actor: TActor; caseNumber: string }) {
  // A number from an address: anything else (a NUL would be a database error) is simply not found.
  if (!caseNumberPattern.test(caseNumber)) return fail("not-found:case");
  // The access rule is part of the query: someone else's case is simply not found.
  const [found] = await db
    .select({ case: cases, definition: formDefinitions.definition })
    .from(cases)
    .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
    .where(and(eq(cases.number, caseNumber), casesVisibleTo(actor)))
    .limit(1);
  if (!found) return fail("not-found:case");
  return loadCaseDetail(db, found.case, found.definition);
}

export async function loadCaseDetail(
  db: TDatabase,
  caseRow: typeof cases.$inferSelect,
  definition: typeof formDefinitions.$inferSelect.definition,
) {
  const taskRows = await listCaseTasks(db, caseRow.id);
  const events = await db
    .select({ id: caseEvents.id, kind: caseEvents.kind, data: caseEvents.data, taskId: caseEvents.taskId, createdAt: caseEvents.createdAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.public, true)))
    .orderBy(asc(caseEvents.id));
  // Every request of the case's tasks: the open ones say what to do now, the rest are history.
  const supplements = await db.select().from(supplementRequests).where(eq(supplementRequests.caseId, caseRow.id)).orderBy(asc(supplementRequests.createdAt));
  // Filed at the counter: the clerk's name, for the applicant to know who filed it for them.
  const [people] = await db
    .select({ applicantName: users.displayName })
    .from(users)
    .where(eq(users.id, caseRow.applicantId));
  const [filer] = caseRow.filedById ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, caseRow.filedById)) : [];
  return {
    ok: true as const,
    case: caseRow,
    subjectName: await loadSubjectName(db, caseRow),
    definition,
    tasks: taskRows,
    events,
    supplements,
    applicantName: people?.applicantName ?? "",
    filerName: filer?.name ?? null,
  };
}

/** The name of what the case applied for: a service, or a bundle (一件事). */
export async function loadSubjectName(db: TDatabase, caseRow: Pick<typeof cases.$inferSelect, "subjectType" | "subjectCode">) {
  const [subject] =
    caseRow.subjectType === "service"
      ? await db.select({ name: services.name }).from(services).where(eq(services.code, caseRow.subjectCode))
      : await db.select({ name: bundles.name }).from(bundles).where(eq(bundles.code, caseRow.subjectCode));
  return subject.name;
}

export type TCaseDetail = Extract<Awaited<ReturnType<typeof getCaseForApplicant>>, { ok: true }>;
export type TCaseDetailResult = TResult<Omit<TCaseDetail, "ok">>;
