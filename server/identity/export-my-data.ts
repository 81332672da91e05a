/**
 * Everything the portal holds about the signed-in person, as one JSON document they download from /me/data (PIPL art.
 * 45: a person may see and copy their personal information). Only what is about them: their register row (in full:
 * it is their own), their identity provider links (never the provider's subject, which is the provider's key), the
 * companies they act for, their drafts, the cases they applied for with their answers, each department's task and the
 * timeline they see on the tracker (which names every member of staff's view of their personal data or materials),
 * the files they uploaded (described, not their bytes: those are opened one by one from the case), their licences,
 * their messages and their ratings. A company's cases filed by someone else are the company's, not this person's; the
 * cases a counter clerk filed for others are those others'. Each download leaves an audit record.
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { caseEvents, cases, companies, companyMembers, departments, drafts, files, identityLinks, inboxMessages, inboxReads, licences, ratings, services, tasks, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import type { TActor } from "@/server/auth/actor";

/** The document's format: a reader (or a later import) can tell which shape it holds. */
export const MY_DATA_FORMAT = "onedoor-personal-data/1";

export async function exportMyData({ db, actor, now = new Date() }: { db: TDatabase; actor: TActor; now?: Date }) {
  const [person] = await db
    .select({
      displayName: users.displayName,
      username: users.username,
      role: users.role,
      residentIdNumber: users.residentIdNumber,
      mobile: users.mobile,
      email: users.email,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  const links = await db.select({ issuer: identityLinks.issuer, linkedAt: identityLinks.linkedAt, lastSignedInAt: identityLinks.lastSignedInAt }).from(identityLinks).where(eq(identityLinks.userId, actor.id));
  const memberships = await db
    .select({ uscc: companies.uscc, name: companies.name, role: companyMembers.role, since: companyMembers.createdAt })
    .from(companyMembers)
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(eq(companyMembers.userId, actor.id));
  const myDrafts = await db
    .select({ subjectType: drafts.subjectType, subjectCode: drafts.subjectCode, answers: drafts.answers, updatedAt: drafts.updatedAt, expiresAt: drafts.expiresAt })
    .from(drafts)
    .where(and(eq(drafts.applicantId, actor.id), isNull(drafts.filedForUserId)))
    .orderBy(asc(drafts.updatedAt));
  const myCases = await db
    .select({
      id: cases.id,
      number: cases.number,
      subjectType: cases.subjectType,
      subjectCode: cases.subjectCode,
      applicantType: cases.applicantType,
      channel: cases.channel,
      status: cases.status,
      consentVersion: cases.consentVersion,
      consentedAt: cases.consentedAt,
      submittedAt: cases.submittedAt,
      concludedAt: cases.concludedAt,
      answers: cases.answers,
    })
    .from(cases)
    .where(eq(cases.applicantId, actor.id))
    .orderBy(asc(cases.submittedAt));
  const caseIds = myCases.map((row) => row.id);
  const caseTasks = caseIds.length
    ? await db
        .select({ caseId: tasks.caseId, department: departments.code, service: services.code, kind: tasks.kind, status: tasks.status, readyOn: tasks.readyOn, dueDate: tasks.dueDate, decidedAt: tasks.decidedAt })
        .from(tasks)
        .innerJoin(departments, eq(departments.id, tasks.departmentId))
        .innerJoin(services, eq(services.id, tasks.serviceId))
        .where(inArray(tasks.caseId, caseIds))
        .orderBy(asc(tasks.createdAt))
    : [];
  // The timeline the tracker shows: public events only (a claim is the department's internal affair).
  const timeline = caseIds.length
    ? await db
        .select({ caseId: caseEvents.caseId, at: caseEvents.createdAt, kind: caseEvents.kind, data: caseEvents.data })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, caseIds), eq(caseEvents.public, true)))
        .orderBy(asc(caseEvents.id))
    : [];
  const uploads = await db
    .select({ name: files.name, mediaType: files.mediaType, size: files.size, sha256: files.sha256, uploadedAt: files.createdAt })
    .from(files)
    .where(eq(files.ownerId, actor.id))
    .orderBy(asc(files.createdAt));
  const myLicences = await db
    .select({
      number: licences.number,
      type: licences.type,
      title: licences.title,
      holderName: licences.holderName,
      holderIdNumber: licences.holderIdNumber,
      data: licences.data,
      status: licences.status,
      validFrom: licences.validFrom,
      validUntil: licences.validUntil,
      signedAt: licences.signedAt,
      revokedAt: licences.revokedAt,
      revocationReason: licences.revocationReason,
    })
    .from(licences)
    .where(eq(licences.holderUserId, actor.id))
    .orderBy(asc(licences.signedAt));
  const messages = await db
    .select({ topic: inboxMessages.topic, params: inboxMessages.params, link: inboxMessages.link, createdAt: inboxMessages.createdAt, readAt: inboxReads.readAt, emailedAt: inboxReads.emailedAt })
    .from(inboxMessages)
    .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, actor.id)))
    .where(or(eq(inboxMessages.userId, actor.id), sql`${inboxMessages.companyId} in (select company_id from company_members where user_id = ${actor.id})`))
    .orderBy(asc(inboxMessages.createdAt));
  const myRatings = await db
    .select({ caseNumber: cases.number, overall: ratings.overall, efficiency: ratings.efficiency, guideAccuracy: ratings.guideAccuracy, convenience: ratings.convenience, comment: ratings.comment, createdAt: ratings.createdAt })
    .from(ratings)
    .innerJoin(cases, eq(cases.id, ratings.caseId))
    .where(eq(ratings.ratedById, actor.id))
    .orderBy(asc(ratings.createdAt));

  // Handing out everything held about a person is recorded like any other download of their data.
  await recordAudit({ db, actorId: actor.id, actorRole: actor.role, action: "document-downloaded", targetType: "personal-data", targetId: actor.id, details: { kind: "personal-data" } });

  return {
    format: MY_DATA_FORMAT,
    exportedAt: now.toISOString(),
    person: person ?? null,
    identityProviderLinks: links,
    companies: memberships,
    drafts: myDrafts,
    cases: myCases.map(({ id, ...row }) => ({
      ...row,
      tasks: caseTasks.filter((task) => task.caseId === id).map(({ caseId: _, ...task }) => task),
      timeline: timeline.filter((event) => event.caseId === id).map(({ caseId: _, ...event }) => event),
    })),
    uploadedFiles: uploads,
    licences: myLicences,
    messages,
    ratings: myRatings,
  };
}
export type TMyData = Awaited<ReturnType<typeof exportMyData>>;
