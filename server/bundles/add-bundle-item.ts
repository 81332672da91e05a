/**
 * An admin adds a service to a bundle, last in order, with an optional routing rule (empty: it always applies). Only
 * a service for the bundle's kind of applicant, of a department still taking work, and not in the bundle already.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, services } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import type { TActor } from "@/server/auth/actor";
import { bundleFieldKeys, changeBundleItems, readRule, refuse } from "./change-bundle-items";

export async function addBundleItem({ db, actor, bundleCode, serviceCode, ruleText }: { db: TDatabase; actor: TActor; bundleCode: string; serviceCode: string; ruleText: string }) {
  return changeBundleItems({
    db,
    actor,
    bundleCode,
    action: "add-item",
    async change(items, { tx, bundle }) {
      if (!isCatalogCode(serviceCode)) return refuse("invalid:bundle-service", { field: "service" });
      const [service] = await tx
        .select({ id: services.id, applicantType: services.applicantType, retiredAt: departments.retiredAt, serviceRetiredAt: services.retiredAt, publishedVersion: services.publishedVersion })
        .from(services)
        .innerJoin(departments, eq(departments.id, services.departmentId))
        .where(eq(services.code, serviceCode));
      // Only a service the public may apply for joins a bundle: published, not retired, its department open.
      const offered = service && service.publishedVersion > 0 && !service.serviceRetiredAt && !service.retiredAt;
      if (!service || !offered || service.applicantType !== bundle.applicantType) return refuse("invalid:bundle-service", { field: "service", detail: serviceCode });
      if (items.some((item) => item.serviceId === service.id)) return refuse("conflict:bundle-service-included", { field: "service", detail: serviceCode });
      const rule = readRule(ruleText, await bundleFieldKeys(tx, bundle.code));
      if (!rule.ok) return rule;
      return [...items, { serviceId: service.id, code: serviceCode, appliesWhen: rule.rule, dependsOn: [], excludeFields: [] }];
    },
  });
}
