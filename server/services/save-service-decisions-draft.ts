/**
 * An admin writes the decision settings of a service's draft: review body and court, instant check, commitment rule,
 * licence template. They join the draft of the next version beside its guide (the published guide, or the draft's if
 * one waits) and take effect only when it is published. Rules and templates are checked against the fields of the
 * service's latest form version, read inside the transaction, so a saved draft names only questions the form asks.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import { fieldKeysOf } from "@/lib/forms/routing-rule";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { findLatestFormVersion } from "@/server/forms/insert-form-version";
import { lockService } from "./lock-service";
import { decisionsOf, readServiceDecisionsInput, type TDecisionsRefusal } from "./service-decisions-input";
import { guideOf } from "./service-guide";
import type { TServicePost } from "./service-input";
import { listFields } from "@/lib/forms/definition";
import { hidesWhole } from "@/lib/forms/mask-staff-answer";

export async function saveServiceDecisionsDraft({ db, actor, code, input }: { db: TDatabase; actor: TActor; code: string; input: TServicePost }): Promise<{ ok: true } | TDecisionsRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockService(tx, code);
      const form = await findLatestFormVersion(tx, "service", before.code);
      const checked = readServiceDecisionsInput(input, {
        kind: before.kind,
        fieldKeys: form ? fieldKeysOf(form.definition) : new Set(),
        hiddenKeys: new Set(form ? listFields(form.definition).filter(hidesWhole).map((field) => field.key) : []),
      });
      // A refusal is an answer, not an error: the row lock is let go with nothing written.
      if (!checked.ok) throw new RefusalRollback(checked);
      const draft = { ...guideOf(before), ...decisionsOf(before), ...before.draft, ...checked.decisions };
      await tx.update(services).set({ draft, draftSavedAt: new Date() }).where(eq(services.id, before.id));
      await recordAdminChange({ db: tx, actor, entity: "service", entityId: before.id, action: "edit-decisions-draft", before: { code, draft: before.draft }, after: { code, draft } });
      return { ok: true as const };
    }),
  ) as Promise<{ ok: true } | TDecisionsRefusal | TAppError>;
}
