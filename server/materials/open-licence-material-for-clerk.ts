/**
 * A clerk opens a wallet e-licence that the applicant gave as a material (免提交) instead of a paper copy: the
 * licence as printed (the holder's PDF, with its QR code and a revoked or expired warning), for the same clerks who
 * may open the case's uploaded files — a task of their department whose case names the licence — with personal numbers
 * masked. Anything else is not found. Each open is recorded on the case's trail first.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, licences, tasks } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { Locale } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { describeLicenceForPdf } from "@/server/licences/get-licence-for-pdf";
import { maskPrintedLicence } from "@/server/licences/mask-printed-licence";
import { printLicencePdf } from "@/server/licences/render-licence-pdf";
import { checkTaskRequest } from "@/server/workflow/lock-department-task";
import { departmentFieldKeysOfTask } from "./department-field-keys-of-task";
import { caseNamesMaterial } from "./material-references";
import { recordMaterialView } from "./record-material-view";

export async function openLicenceMaterialForClerk(options: {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  licenceId: string;
  locale: Locale;
  /** The public origin for the QR code (PUBLIC_BASE_URL). */
  origin: string;
  now?: Date;
}): Promise<TResult<{ pdf: Uint8Array; fileName: string; number: string }>> {
  const { db, actor, taskId, locale, origin, now = new Date() } = options;
  const licenceId = options.licenceId.toLowerCase();
  const request = checkTaskRequest(actor, taskId);
  if (!request.ok || !request.departmentId || !z.uuid().safeParse(licenceId).success) return fail("not-found:material");

  // Only the materials of the department's own part of the form.
  const fieldKeys = await departmentFieldKeysOfTask(db, { taskId, departmentId: request.departmentId });
  if (fieldKeys === null) return fail("not-found:material");
  const [found] = await db
    .select({ caseId: cases.id, licence: licences })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(licences, eq(licences.id, licenceId))
    .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, request.departmentId), caseNamesMaterial({ kind: "licence", licenceId }, { fieldKeys })))
    .limit(1);
  if (!found) return fail("not-found:material");

  const { licence } = found;
  await recordMaterialView(db, { caseId: found.caseId, taskId, actorId: actor.id, material: { kind: "licence", licenceId, number: licence.number, title: licence.title } });
  const described = describeLicenceForPdf(licence, { today: toIsoDate(now), origin });
  // A material on the desk: personal numbers masked like every staff page (the answers' reveal covers a need to see more).
  const printed = await printLicencePdf({ licence: { ...described, printed: maskPrintedLicence(described.printed) }, locale });
  return { ok: true, ...printed };
}
