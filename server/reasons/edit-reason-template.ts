/** An admin changes the words of a reason template (常用理由); clerks see them at their next page view. */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { reasonTemplates } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { isUuid } from "@/server/departments/find-department";
import { fail, type TAppError } from "@/server/errors";
import { readReasonTemplateInput, type TReasonTemplateInput, type TReasonTemplateRefusal } from "./reason-template-input";
import { lockServiceOfTemplates, reasonTemplateRecord } from "./reason-template-record";

export async function editReasonTemplate({
  db,
  actor,
  templateId,
  input,
}: {
  db: TDatabase;
  actor: TActor;
  templateId: string;
  input: Partial<TReasonTemplateInput>;
}): Promise<{ ok: true; templateId: string; serviceCode: string } | TReasonTemplateRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(templateId)) return fail("not-found:reason-template");
  const [found] = await db.select({ serviceId: reasonTemplates.serviceId }).from(reasonTemplates).where(eq(reasonTemplates.id, templateId)).limit(1);
  if (!found) return fail("not-found:reason-template");
  const checked = readReasonTemplateInput(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const service = await lockServiceOfTemplates(tx, found.serviceId);
    const [before] = await tx.select().from(reasonTemplates).where(eq(reasonTemplates.id, templateId));
    // Removed by another admin since the page was read.
    if (!before) return fail("not-found:reason-template");
    const [after] = await tx.update(reasonTemplates).set({ text: checked.text }).where(eq(reasonTemplates.id, before.id)).returning();
    await recordAdminChange({ db: tx, actor, entity: "reason-template", entityId: after.id, action: "edit", before: reasonTemplateRecord(before, service.code), after: reasonTemplateRecord(after, service.code) });
    return { ok: true as const, templateId: after.id, serviceCode: service.code };
  });
}
