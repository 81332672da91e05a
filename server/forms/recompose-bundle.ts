/**
 * Builds the applicant-facing form of a bundle (subject type "bundle") from the latest bundle-base version and the
 * latest form version of each component service, and stores it as the bundle's next version with composedFrom =
 * [base version id, component version ids… in item order]. Nothing is written when the sources are the very
 * versions the latest composed form was built from and compose to the same definition (an admin's change of a bundle
 * item — a routing rule, excluded fields, the order — composes differently from the same versions). Used by publishFormDefinition (inside its transaction) and
 * by the seed; it takes no actor because it only re-derives data an admin has already published.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, formDefinitions, services, type TFormDefinitionRow } from "@/db/schema";
import { canonicalJson } from "@/lib/canonical-json";
import { composeBundleForm } from "@/lib/forms/compose-bundle-form";
import type { TDefinitionIssue, TFormDefinition } from "@/lib/forms/definition";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { fail, type TAppError } from "@/server/errors";
import { findLatestFormVersion, insertNextFormVersion, lockFormSubject } from "./insert-form-version";

export type TRecomposeBundleOptions = {
  /** A database or a transaction: the publish use case passes its own so everything commits together. */
  db: TDatabase;
  bundleCode: string;
  /** Who published the change that makes this version; null for the seed. */
  publishedById: string | null;
};

export type TRecomposeBundleResult =
  | { ok: true; form: TFormDefinitionRow; created: boolean }
  | (TAppError & { issues?: TDefinitionIssue[] });

export async function recomposeBundle({ db, bundleCode, publishedById }: TRecomposeBundleOptions): Promise<TRecomposeBundleResult> {
  return db.transaction(async (tx) => {
    // Serializes composers of this bundle: two services of one bundle published at once each see the other's
    // version once they hold the lock (read committed takes a fresh snapshot per statement).
    await lockFormSubject(tx, "bundle", bundleCode);
    const sources = await loadBundleSources(tx, bundleCode);
    if (!sources.ok) return sources;
    const composedFrom = [sources.base.id, ...sources.components.map(({ form }) => form.id)];
    const composed = composeFromSources(sources);
    if (!composed.ok) return { ...fail("invalid:bundle-composition", { bundleCode }), issues: composed.issues };
    // The same sources may still compose differently: the admin changed an item's rule or excluded fields.
    const latest = await findLatestFormVersion(tx, "bundle", bundleCode);
    if (latest && canonicalJson(latest.composedFrom) === canonicalJson(composedFrom) && canonicalJson(latest.definition) === canonicalJson(composed.definition)) {
      return { ok: true as const, form: latest, created: false };
    }
    const form = await insertNextFormVersion(tx, {
      subjectType: "bundle",
      subjectCode: bundleCode,
      definition: composed.definition,
      composedFrom,
      publishedById,
    });
    return { ok: true as const, form, created: true };
  });
}

export type TBundleSources = {
  base: TFormDefinitionRow;
  components: { item: { code: string; name: TLocalizedText; appliesWhen: TLogicRule | null; excludeFields: string[] }; form: TFormDefinitionRow }[];
};

/** The latest bundle-base version and each component service's latest form, in item order. */
export async function loadBundleSources(db: TDatabase, bundleCode: string): Promise<({ ok: true } & TBundleSources) | TAppError> {
  const [bundle] = await db.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, bundleCode)).limit(1);
  if (!bundle) return fail("not-found:form-subject", { subjectType: "bundle", subjectCode: bundleCode });
  const base = await findLatestFormVersion(db, "bundle-base", bundleCode);
  if (!base) return fail("not-found:form-subject", { subjectType: "bundle-base", subjectCode: bundleCode });
  const items = await db
    .select({ code: services.code, name: services.name, appliesWhen: bundleItems.appliesWhen, excludeFields: bundleItems.excludeFields })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(bundleItems.position));
  const latestForms =
    items.length === 0
      ? []
      : await db
          .selectDistinctOn([formDefinitions.subjectCode])
          .from(formDefinitions)
          .where(and(eq(formDefinitions.subjectType, "service"), inArray(formDefinitions.subjectCode, items.map((item) => item.code))))
          .orderBy(formDefinitions.subjectCode, desc(formDefinitions.version));
  const serviceForms = new Map(latestForms.map((form) => [form.subjectCode, form]));
  const components: TBundleSources["components"] = [];
  for (const item of items) {
    const form = serviceForms.get(item.code);
    if (!form) return fail("not-found:form-subject", { subjectType: "service", subjectCode: item.code });
    components.push({ item: { ...item, appliesWhen: item.appliesWhen ?? null }, form });
  }
  return { ok: true, base, components };
}

/**
 * Composes the sources. An override stands in for a stored version, to preview what publishing a base or a
 * service form that the admin has not published yet would make of the bundle.
 */
export function composeFromSources(
  sources: TBundleSources,
  override: { base?: TFormDefinition; service?: { code: string; definition: TFormDefinition } } = {},
) {
  return composeBundleForm({
    base: override.base ?? sources.base.definition,
    components: sources.components.map(({ item, form }) => ({
      serviceCode: item.code,
      definition: override.service?.code === item.code ? override.service.definition : form.definition,
      appliesWhen: item.appliesWhen,
      excludeFields: item.excludeFields,
      title: item.name,
    })),
  });
}
