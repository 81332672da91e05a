/**
 * Shared by the reason-template use cases: the lock that puts one service's template changes one after another, and
 * what the admin change record keeps of a template.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services, type TReasonTemplate } from "@/db/schema";

/**
 * Locks the service row: every change to a service's templates (add, edit, move, remove) takes it first, so two admins
 * reordering or adding at once are answered one after the other and positions stay distinct.
 */
export async function lockServiceOfTemplates(tx: TDatabase, serviceId: string) {
  const [service] = await tx.select({ id: services.id, code: services.code }).from(services).where(eq(services.id, serviceId)).for("update");
  return service;
}

/** What the change record keeps of a template: the service by its code, the decision, its place and its words. */
export function reasonTemplateRecord(template: TReasonTemplate, serviceCode: string) {
  return { serviceCode, decision: template.decision, position: template.position, text: template.text };
}
