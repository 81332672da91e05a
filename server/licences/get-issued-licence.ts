/**
 * One licence as the issuing department sees it (/desk/licences/<id>): everything printed, its state, who revoked
 * it and why, and the task that issued it. Another department's licence is not found.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, licences, users } from "@/db/schema";
import { licenceStateOn } from "@/lib/licences/validity";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { actsForIssuer } from "./revoke-licence";

export async function getIssuedLicence({ db, actor, licenceId, today }: { db: TDatabase; actor: TActor; licenceId: string; today: string }) {
  if (actor.role !== "clerk" && actor.role !== "supervisor") return fail("forbidden:role");
  if (!z.uuid().safeParse(licenceId).success) return fail("not-found:licence");
  const [found] = await db
    .select({ licence: licences, caseNumber: cases.number, revokedByName: users.displayName })
    .from(licences)
    .leftJoin(cases, eq(cases.id, licences.caseId))
    .leftJoin(users, eq(users.id, licences.revokedById))
    .where(eq(licences.id, licenceId));
  if (!found || !actsForIssuer(actor, found.licence.issuingDepartmentId)) return fail("not-found:licence");
  return { ok: true as const, ...found, state: licenceStateOn(found.licence, today) };
}

/** The licence a task issued, for a link from the task page; null when it issued none (yet). */
export async function findLicenceOfTask({ db, taskId }: { db: TDatabase; taskId: string }) {
  const [row] = await db.select({ id: licences.id, number: licences.number, title: licences.title }).from(licences).where(eq(licences.taskId, taskId));
  return row ?? null;
}
