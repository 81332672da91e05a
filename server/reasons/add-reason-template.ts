/** An admin adds a reason template (常用理由) to a service for one decision, at the end of its list. */
import { and, eq, max } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { reasonDecisions, reasonTemplates, services, type TReasonDecision } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { readReasonTemplateInput, type TReasonTemplateInput, type TReasonTemplateRefusal } from "./reason-template-input";
import { lockServiceOfTemplates, reasonTemplateRecord } from "./reason-template-record";

export async function addReasonTemplate({
  db,
  actor,
  serviceCode,
  decision,
  input,
}: {
  db: TDatabase;
  actor: TActor;
  serviceCode: string;
  decision: TReasonDecision;
  input: Partial<TReasonTemplateInput>;
}): Promise<{ ok: true; templateId: string } | TReasonTemplateRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!reasonDecisions.includes(decision)) return fail("invalid:input");
  const [found] = await db.select({ id: services.id }).from(services).where(eq(services.code, serviceCode)).limit(1);
  if (!found) return fail("not-found:service");
  const checked = readReasonTemplateInput(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const service = await lockServiceOfTemplates(tx, found.id);
    const [last] = await tx
      .select({ position: max(reasonTemplates.position) })
      .from(reasonTemplates)
      .where(and(eq(reasonTemplates.serviceId, service.id), eq(reasonTemplates.decision, decision)));
    const [added] = await tx
      .insert(reasonTemplates)
      .values({ serviceId: service.id, decision, position: (last?.position ?? 0) + 1, text: checked.text })
      .returning();
    await recordAdminChange({ db: tx, actor, entity: "reason-template", entityId: added.id, action: "create", before: null, after: reasonTemplateRecord(added, service.code) });
    return { ok: true as const, templateId: added.id };
  });
}
