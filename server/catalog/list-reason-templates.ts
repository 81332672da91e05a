/** The reason templates (常用理由) of one service for one decision, in their order, to fill a clerk's reason box. */
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { reasonTemplates, type TReasonDecision } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";

export async function listReasonTemplates({ db, serviceId, decision }: { db: TDatabase; serviceId: string; decision: TReasonDecision }): Promise<TLocalizedText[]> {
  const rows = await db
    .select({ text: reasonTemplates.text })
    .from(reasonTemplates)
    .where(and(eq(reasonTemplates.serviceId, serviceId), eq(reasonTemplates.decision, decision)))
    .orderBy(asc(reasonTemplates.position));
  return rows.map((row) => row.text);
}
