/**
 * One bundle as its admin page shows it: its items in order (service, department, rule, dependencies, excluded
 * fields, and the service's own questions to choose exclusions from), the services that may still be added (the
 * bundle's applicant type, not in it yet, of a department still taking work), and its current forms.
 */
import { and, gt, asc, eq, isNull, notInArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, departments, services, type TBundle } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { findLatestFormVersion } from "@/server/forms/insert-form-version";

export type TAdminBundleItem = {
  serviceId: string;
  code: string;
  name: TLocalizedText;
  department: { code: string; name: TLocalizedText; retired: boolean };
  appliesWhen: TLogicRule | null;
  dependsOn: string[];
  excludeFields: string[];
  /** The service's own questions (its latest form), which the bundle may leave out. */
  ownFields: { key: string; label: TLocalizedText }[];
};

export type TAdminBundle = {
  bundle: TBundle;
  items: TAdminBundleItem[];
  candidates: { code: string; name: TLocalizedText; departmentCode: string }[];
  /** The applicant's one form as composed now, and the bundle's own questions. */
  form: TFormDefinition | null;
  base: TFormDefinition | null;
};

export async function findBundleForAdmin({ db, actor, bundleCode }: { db: TDatabase; actor: TActor; bundleCode: string }): Promise<TResult<TAdminBundle>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isCatalogCode(bundleCode)) return fail("not-found:bundle");
  const [bundle] = await db.select().from(bundles).where(eq(bundles.code, bundleCode));
  if (!bundle) return fail("not-found:bundle");
  const rows = await db
    .select({ item: bundleItems, code: services.code, name: services.name, departmentCode: departments.code, departmentName: departments.name, retiredAt: departments.retiredAt })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(bundleItems.position));
  const [candidates, form, base, ...ownForms] = await Promise.all([
    db
      .select({ code: services.code, name: services.name, departmentCode: departments.code })
      .from(services)
      .innerJoin(departments, eq(departments.id, services.departmentId))
      .where(
        and(
          eq(services.applicantType, bundle.applicantType),
          isNull(departments.retiredAt),
          // Offered to the public: published and not retired (addBundleItem refuses the others too).
          isNull(services.retiredAt),
          gt(services.publishedVersion, 0),
          rows.length > 0 ? notInArray(services.id, rows.map((row) => row.item.serviceId)) : undefined,
        ),
      )
      .orderBy(asc(services.code)),
    findLatestFormVersion(db, "bundle", bundle.code),
    findLatestFormVersion(db, "bundle-base", bundle.code),
    ...rows.map((row) => findLatestFormVersion(db, "service", row.code)),
  ]);
  const items = rows.map((row, index) => ({
    serviceId: row.item.serviceId,
    code: row.code,
    name: row.name,
    department: { code: row.departmentCode, name: row.departmentName, retired: row.retiredAt !== null },
    appliesWhen: row.item.appliesWhen ?? null,
    dependsOn: row.item.dependsOn,
    excludeFields: row.item.excludeFields,
    ownFields: (ownForms[index]?.definition.pages ?? []).flatMap((page) => page.sections.flatMap((section) => section.fields.map((field) => ({ key: field.key, label: field.label })))),
  }));
  return { ok: true, bundle, items, candidates, form: form?.definition ?? null, base: base?.definition ?? null };
}
