/** An admin throws away the draft of a service's guide; the published guide stays as it is. */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { lockService } from "./lock-service";

export async function discardServiceDraft({ db, actor, code }: { db: TDatabase; actor: TActor; code: string }): Promise<TResult<object>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockService(tx, code);
      if (!before.draft) throw new RefusalRollback(fail("conflict:service-no-draft"));
      await tx.update(services).set({ draft: null, draftSavedAt: null }).where(eq(services.id, before.id));
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: before.id, action: "discard-draft", before: { code, draft: before.draft }, after: { code, draft: null } });
      return { ok: true as const };
    }),
  );
}
