/**
 * Every time staff open a material, the case's trail says so (审计留痕): who (the actor), when (the event's time),
 * which file or licence (in `data`), for which task. The event is public: the applicant's tracker shows which
 * department looked at their documents, as it will show who viewed their ID number.
 */
import type { TDatabase } from "@/db/client";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";

export type TViewedMaterial = { kind: "file"; fileId: string; name: string } | { kind: "licence"; licenceId: string; number: string; title: Record<string, string> };

export const materialViewedKind = "material-viewed";

export async function recordMaterialView(db: TDatabase, options: { caseId: string; taskId: string; actorId: string; material: TViewedMaterial }): Promise<void> {
  const { caseId, taskId, actorId, material } = options;
  await db.transaction(async (tx) => {
    // The trail is a chain: events of one case are appended one at a time, under the case's lock.
    await lockCase(tx, caseId);
    await appendCaseEvent(tx, { caseId, taskId, actorId, kind: materialViewedKind, data: material, public: true });
  });
}
