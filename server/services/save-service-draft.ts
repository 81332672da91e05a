/**
 * An admin writes the draft of a service's guide: the next version, which nobody else sees until it is published.
 * The whole guide is checked as it would be published, so a draft can always be published; a refused one changes
 * nothing. A retired service may still have its guide prepared (to bring it back with it).
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, type TAppError } from "@/server/errors";
import { lockService } from "./lock-service";
import { decisionsOf } from "./service-decisions-input";
import { readServiceGuideInput, type TServicePost, type TServiceRefusal } from "./service-input";

export async function saveServiceDraft({ db, actor, code, input }: { db: TDatabase; actor: TActor; code: string; input: TServicePost }): Promise<{ ok: true } | TServiceRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readServiceGuideInput(input);
  if (!checked.ok) return checked;
  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockService(tx, code);
      // The decision settings stay as drafted (or as published): this form writes the guide only.
      const draft = { ...decisionsOf(before), ...before.draft, ...checked.guide };
      await tx.update(services).set({ draft, draftSavedAt: new Date() }).where(eq(services.id, before.id));
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: before.id, action: "edit-draft", before: { code, draft: before.draft }, after: { code, draft } });
      return { ok: true as const };
    }),
  );
}
