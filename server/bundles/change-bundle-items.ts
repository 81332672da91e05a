/**
 * The one way a bundle's items change (add, remove, reorder, a rule, dependencies, excluded fields): in one
 * transaction the bundle is locked, the change is applied to its items as they are now, the dependencies are checked,
 * the items are written, the applicant's form is composed again (server/forms/recompose-bundle.ts) so a new
 * application asks the new questions, and the change is recorded with its before and after. A refusal anywhere —
 * a cycle, a composition problem — rolls all of it back. Cases already submitted keep the form version they name.
 */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, services, type TBundle } from "@/db/schema";
import { canonicalJson } from "@/lib/canonical-json";
import type { TDefinitionIssue } from "@/lib/forms/definition";
import type { TLogicRule } from "@/lib/forms/logic";
import { checkDependencies, fieldKeysOf, parseRoutingRule } from "@/lib/forms/routing-rule";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TAppError, type TErrorCode } from "@/server/errors";
import { findLatestFormVersion } from "@/server/forms/insert-form-version";
import { recomposeBundle } from "@/server/forms/recompose-bundle";
import { forgetReferences } from "@/server/reference-cache";

export type TItemDraft = { serviceId: string; code: string; appliesWhen: TLogicRule | null; dependsOn: string[]; excludeFields: string[] };

/** A refusal of a bundle change: the field of the form it is about, a detail to show (a code, a cycle), composition issues. */
export type TBundleChangeRefusal = TAppError & { field?: string; detail?: string; issues?: TDefinitionIssue[] };
export type TBundleChangeResult = { ok: true; bundleId: string } | TBundleChangeRefusal;

export function refuse(code: TErrorCode, extra: { field?: string; detail?: string; issues?: TDefinitionIssue[] } = {}): TBundleChangeRefusal {
  return { ...fail(code), ...extra };
}

/** What the change record keeps of a bundle: what the admin page shows, its items by service code. */
export function bundleRecord(bundle: TBundle, items: readonly TItemDraft[]) {
  const { createdAt: _created, ...kept } = bundle;
  return { ...kept, items: items.map(({ serviceId: _id, ...item }) => item) };
}

export async function loadItemDrafts(db: TDatabase, bundleId: string): Promise<TItemDraft[]> {
  const rows = await db
    .select({ item: bundleItems, code: services.code })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .where(eq(bundleItems.bundleId, bundleId))
    .orderBy(asc(bundleItems.position));
  return rows.map(({ item, code }) => ({ serviceId: item.serviceId, code, appliesWhen: item.appliesWhen ?? null, dependsOn: item.dependsOn, excludeFields: item.excludeFields }));
}

export async function changeBundleItems({
  db,
  actor,
  bundleCode,
  action,
  change,
}: {
  db: TDatabase;
  actor: TActor;
  bundleCode: string;
  /** The verb in the change record: add-item, remove-item, move-item, edit-item. */
  action: string;
  /** The items as they should be, from the items as they are (in order), or a refusal. */
  change: (items: TItemDraft[], context: { tx: TDatabase; bundle: TBundle }) => Promise<TItemDraft[] | TBundleChangeRefusal>;
}): Promise<TBundleChangeResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const result = await catchRefusal(
    db.transaction(async (tx) => {
      const [bundle] = await tx.select().from(bundles).where(eq(bundles.code, bundleCode)).for("update");
      if (!bundle) throw new RefusalRollback(fail("not-found:bundle"));
      if (bundle.retiredAt) throw new RefusalRollback(fail("conflict:bundle-retired"));
      const before = await loadItemDrafts(tx, bundle.id);
      const after = await change(before.map((item) => ({ ...item })), { tx, bundle });
      if (!Array.isArray(after)) throw new RefusalRollback(after);
      // Saved as it was: nothing to compose again, nothing to record.
      if (canonicalJson(after) === canonicalJson(before)) return { ok: true as const, bundleId: bundle.id };
      const dependencies = checkDependencies(after);
      if (dependencies) {
        const code: TErrorCode = dependencies.problem === "cycle" ? "invalid:bundle-dependency-cycle" : dependencies.problem === "self" ? "invalid:bundle-dependency-self" : "invalid:bundle-dependency";
        throw new RefusalRollback(refuse(code, { field: "dependsOn", detail: dependencies.detail }));
      }
      await tx.delete(bundleItems).where(eq(bundleItems.bundleId, bundle.id));
      if (after.length > 0) {
        await tx.insert(bundleItems).values(
          after.map((item, position) => ({ bundleId: bundle.id, serviceId: item.serviceId, position, appliesWhen: item.appliesWhen, dependsOn: item.dependsOn, excludeFields: item.excludeFields })),
        );
      }
      // In this transaction: a change the applicant's form cannot take (conflicting questions, a rule reading a
      // question asked only later) is refused with the composer's reasons, and nothing of it is kept.
      const composed = await recomposeBundle({ db: tx, bundleCode: bundle.code, publishedById: actor.id });
      if (!composed.ok) throw new RefusalRollback(refuse(composed.code, { field: "rule", issues: "issues" in composed ? composed.issues : undefined }));
      await recordAdminChange({ db: tx, actor, entity: "bundle", entityId: bundle.id, action, before: bundleRecord(bundle, before), after: bundleRecord(bundle, after) });
      return { ok: true as const, bundleId: bundle.id };
    }),
  );
  // Intake reads the bundle through the reference cache: this process routes by the new items at once.
  if (result.ok) forgetReferences(db);
  return result as TBundleChangeResult;
}

/** The questions a routing rule of this bundle may name: its composed form's and its own (base) questions. */
export async function bundleFieldKeys(db: TDatabase, bundleCode: string): Promise<Set<string>> {
  const [form, base] = await Promise.all([findLatestFormVersion(db, "bundle", bundleCode), findLatestFormVersion(db, "bundle-base", bundleCode)]);
  return new Set([...(form ? fieldKeysOf(form.definition) : []), ...(base ? fieldKeysOf(base.definition) : [])]);
}

/** A rule as the admin typed it, or the refusal saying why not (on the "rule" field). */
export function readRule(text: string, fieldKeys: ReadonlySet<string>): { ok: true; rule: TLogicRule | null } | TBundleChangeRefusal {
  const parsed = parseRoutingRule(text, fieldKeys);
  if (parsed.ok) return parsed;
  const code: TErrorCode = parsed.problem === "json" ? "invalid:routing-rule-json" : parsed.problem === "shape" ? "invalid:routing-rule" : "invalid:routing-rule-field";
  return refuse(code, { field: "rule", detail: parsed.detail });
}
