/**
 * An admin publishes the draft of a service's guide: in one transaction it becomes the `services` columns that the
 * catalog, the guide, intake and the desk read, and is kept whole as the next version in service_versions (who, when);
 * the draft is cleared. The first publication makes a new service visible to the public.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services, serviceVersions } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { lockService } from "./lock-service";
import { serviceRecord } from "./service-guide";

export async function publishServiceDraft({ db, actor, code }: { db: TDatabase; actor: TActor; code: string }): Promise<TResult<{ version: number }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockService(tx, code);
      if (!before.draft) throw new RefusalRollback(fail("conflict:service-no-draft"));
      const version = before.publishedVersion + 1;
      const [after] = await tx
        .update(services)
        .set({ ...before.draft, publishedVersion: version, draft: null, draftSavedAt: null })
        .where(eq(services.id, before.id))
        .returning();
      await tx.insert(serviceVersions).values({ serviceId: before.id, version, guide: before.draft, publishedById: actor.id });
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: before.id, action: "publish", before: serviceRecord(before), after: serviceRecord(after) });
      return { ok: true as const, version };
    }),
  );
  // The apply page and intake read the service through the reference cache: this process sees the new guide at once.
  if (result.ok) forgetReferences(db);
  return result;
}
