/**
 * An admin moves a reason template one place up or down in its service's list for its decision: it swaps places with
 * its neighbour, both changes recorded. At the top (or bottom) already, nothing changes.
 */
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { reasonTemplates } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { isUuid } from "@/server/departments/find-department";
import { fail, type TResult } from "@/server/errors";
import { lockServiceOfTemplates, reasonTemplateRecord } from "./reason-template-record";

export const moveDirections = ["up", "down"] as const;
export type TMoveDirection = (typeof moveDirections)[number];

export async function moveReasonTemplate({ db, actor, templateId, direction }: { db: TDatabase; actor: TActor; templateId: string; direction: TMoveDirection }): Promise<TResult<{ serviceCode: string; moved: boolean }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(templateId) || !moveDirections.includes(direction)) return fail("not-found:reason-template");
  const [found] = await db.select({ serviceId: reasonTemplates.serviceId }).from(reasonTemplates).where(eq(reasonTemplates.id, templateId)).limit(1);
  if (!found) return fail("not-found:reason-template");
  return db.transaction(async (tx) => {
    const service = await lockServiceOfTemplates(tx, found.serviceId);
    const [template] = await tx.select().from(reasonTemplates).where(eq(reasonTemplates.id, templateId));
    if (!template) return fail("not-found:reason-template");
    // The list as clerks see it; positions are renumbered 1…n as they swap, so equal or gapped positions of old rows
    // (the seed's, a removal's gap) never make a move do nothing.
    const list = await tx
      .select()
      .from(reasonTemplates)
      .where(and(eq(reasonTemplates.serviceId, service.id), eq(reasonTemplates.decision, template.decision)))
      .orderBy(asc(reasonTemplates.position), asc(reasonTemplates.createdAt));
    const index = list.findIndex((row) => row.id === template.id);
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= list.length) return { ok: true as const, serviceCode: service.code, moved: false };
    const reordered = [...list];
    [reordered[index], reordered[other]] = [reordered[other], reordered[index]];
    for (const [position, row] of reordered.entries()) {
      if (row.position === position + 1) continue;
      const [after] = await tx.update(reasonTemplates).set({ position: position + 1 }).where(eq(reasonTemplates.id, row.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "reason-template", entityId: row.id, action: "move", before: reasonTemplateRecord(row, service.code), after: reasonTemplateRecord(after, service.code) });
    }
    return { ok: true as const, serviceCode: service.code, moved: true };
  });
}
