/**
 * An admin removes a reason template. Nothing refers to a template (a clerk's reason is copied as text into the task
 * and its written decision), so it is deleted; the change record keeps its words.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { reasonTemplates } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { isUuid } from "@/server/departments/find-department";
import { fail, type TResult } from "@/server/errors";
import { lockServiceOfTemplates, reasonTemplateRecord } from "./reason-template-record";

export async function removeReasonTemplate({ db, actor, templateId }: { db: TDatabase; actor: TActor; templateId: string }): Promise<TResult<{ serviceCode: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(templateId)) return fail("not-found:reason-template");
  const [found] = await db.select({ serviceId: reasonTemplates.serviceId }).from(reasonTemplates).where(eq(reasonTemplates.id, templateId)).limit(1);
  if (!found) return fail("not-found:reason-template");
  return db.transaction(async (tx) => {
    const service = await lockServiceOfTemplates(tx, found.serviceId);
    const [removed] = await tx.delete(reasonTemplates).where(eq(reasonTemplates.id, templateId)).returning();
    if (!removed) return fail("not-found:reason-template");
    await recordAdminChange({ db: tx, actor, entity: "reason-template", entityId: removed.id, action: "remove", before: reasonTemplateRecord(removed, service.code), after: null });
    return { ok: true as const, serviceCode: service.code };
  });
}
