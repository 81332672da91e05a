/**
 * An admin adds a bundle (一件事): code, names and summary in three languages, who applies, its topic. It starts with
 * no services — so it is not in the catalog yet — and with its own questions (its "bundle-base" form) holding one
 * question every bundle asks, a contact telephone, which the admin edits at /admin/forms/bundle-base/<code> (the
 * routing questions go there). Its composed form is made at once, so each added service recomposes it.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles } from "@/db/schema";
import { ZFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { insertNextFormVersion } from "@/server/forms/insert-form-version";
import { recomposeBundle } from "@/server/forms/recompose-bundle";
import { readBundleInput, type TBundleInput, type TBundleRefusal } from "./bundle-input";
import { bundleRecord } from "./change-bundle-items";

/** The first version of a new bundle's own questions: a form has at least one question. */
const starterBase: TFormDefinition = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    {
      key: "contact",
      title: { "zh-Hans": "联系方式", "zh-Hant": "聯繫方式", en: "How to reach you" },
      sections: [{ key: "contact", fields: [{ key: "contactPhone", type: "phone", required: true, label: { "zh-Hans": "联系电话", "zh-Hant": "聯繫電話", en: "Contact telephone" } }] }],
    },
  ],
});

export async function createBundle({ db, actor, input }: { db: TDatabase; actor: TActor; input: Partial<TBundleInput> }): Promise<{ ok: true; code: string } | TBundleRefusal | TAppError> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readBundleInput(input);
  if (!checked.ok) return checked;
  const values = checked.values;
  return catchRefusal(
    db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, values.code)).limit(1);
      if (taken) throw new RefusalRollback({ ok: false, code: "conflict:bundle-code-taken", fields: { code: "conflict:bundle-code-taken" } } as TBundleRefusal);
      const [created] = await tx.insert(bundles).values(values).onConflictDoNothing({ target: bundles.code }).returning();
      // A twin posted at the same moment took the code between the check and the insert.
      if (!created) throw new RefusalRollback({ ok: false, code: "conflict:bundle-code-taken", fields: { code: "conflict:bundle-code-taken" } } as TBundleRefusal);
      await insertNextFormVersion(tx, { subjectType: "bundle-base", subjectCode: created.code, definition: starterBase, publishedById: actor.id });
      const composed = await recomposeBundle({ db: tx, bundleCode: created.code, publishedById: actor.id });
      if (!composed.ok) throw new Error(`a new bundle's starter form does not compose: ${composed.code}`);
      await recordAdminChange({ db: tx, actor, entity: "bundle", entityId: created.id, action: "create", before: null, after: bundleRecord(created, []) });
      return { ok: true as const, code: created.code };
    }),
  );
}
