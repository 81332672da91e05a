/**
 * The notices and decisions of a case, found for who may read them: the applicant (or a member of the applying
 * company) from their tracker, or a clerk from a task of their department in the case. Anyone else — another
 * applicant, another department's clerk — finds nothing, exactly as if the case or the document did not exist.
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { caseDocuments, cases, tasks, type TCaseDocument } from "@/db/schema";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleToApplicant } from "@/server/cases/case-access";

/** Through which page the reader comes: their own case's tracker, or a task of their department. */
export type TDocumentAccess = { caseNumber: string } | { taskId: string };

/** The rule as part of the query; null when the request cannot name anything this actor may see. */
function accessCondition(actor: TActor, access: TDocumentAccess): { join: "case" | "task"; where: SQL } | null {
  if ("caseNumber" in access) {
    if (!caseNumberPattern.test(access.caseNumber)) return null;
    return { join: "case", where: and(eq(cases.number, access.caseNumber), casesVisibleToApplicant(actor))! };
  }
  if (actor.role !== "clerk" || !actor.departmentId || !z.uuid().safeParse(access.taskId).success) return null;
  return { join: "task", where: and(eq(tasks.id, access.taskId), eq(tasks.departmentId, actor.departmentId))! };
}

function selectVisible(db: TDatabase, actor: TActor, access: TDocumentAccess, extra?: SQL) {
  const rule = accessCondition(actor, access);
  if (!rule) return null;
  const query = db.select({ document: caseDocuments }).from(caseDocuments);
  const joined = rule.join === "case" ? query.innerJoin(cases, eq(cases.id, caseDocuments.caseId)) : query.innerJoin(tasks, eq(tasks.caseId, caseDocuments.caseId));
  return joined.where(extra ? and(rule.where, extra) : rule.where);
}

/** Every document of the case, oldest first. */
export async function listCaseDocuments({ db, actor, access }: { db: TDatabase; actor: TActor; access: TDocumentAccess }): Promise<TCaseDocument[]> {
  const query = selectVisible(db, actor, access);
  if (!query) return [];
  const rows = await query.orderBy(asc(caseDocuments.issuedAt), asc(caseDocuments.number));
  return rows.map((row) => row.document);
}

/** One document, or null when it is not this reader's to see (or does not exist). */
export async function findCaseDocument({ db, actor, access, documentId }: { db: TDatabase; actor: TActor; access: TDocumentAccess; documentId: string }): Promise<TCaseDocument | null> {
  if (!z.uuid().safeParse(documentId).success) return null;
  const query = selectVisible(db, actor, access, eq(caseDocuments.id, documentId));
  if (!query) return null;
  const [row] = await query.limit(1);
  return row?.document ?? null;
}
