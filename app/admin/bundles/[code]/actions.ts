"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TBundleAddItemState } from "@/components/admin/bundle-add-item-form";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { ROUTING_RULE_MAX_CHARS } from "@/lib/forms/routing-rule";
import { addBundleItem } from "@/server/bundles/add-bundle-item";
import { moveBundleItem } from "@/server/bundles/move-bundle-item";
import { removeBundleItem } from "@/server/bundles/remove-bundle-item";
import { retireBundle } from "@/server/bundles/retire-bundle";
import { defineAction } from "@/server/http/define-action";

// A malformed code is a forged post (the page binds a real one): refused as input, not looked up.
const ZCode = z.string().regex(catalogCodePattern);

/** The bundle's own page (or the list, for a code that is not one), with what happened. */
function bundlePage(bundleCode: string, outcome: Record<string, string>) {
  const query = new URLSearchParams(outcome).toString();
  return catalogCodePattern.test(bundleCode) ? `/admin/bundles/${bundleCode}?${query}` : `/admin/bundles?${query}`;
}

/** Adds a service, with its rule, last in the bundle; then opens the service's rule editor to try it. */
export const addBundleItemAction = defineAction({
  route: "/admin/bundles/[code]",
  name: "addBundleItemAction",
  bound: ["bundleCode"],
  state: true,
  input: z.object({ bundleCode: ZCode, service: z.string().max(64).catch(""), rule: z.string().max(ROUTING_RULE_MAX_CHARS).catch("") }),
  async run({ actor, db, input: { bundleCode, service, rule } }): Promise<TBundleAddItemState> {
    const result = await addBundleItem({ db, actor, bundleCode, serviceCode: service, ruleText: rule });
    if (!result.ok) return { error: result.code, field: "field" in result ? result.field : undefined, detail: "detail" in result ? result.detail : undefined, issues: "issues" in result ? result.issues : undefined, values: { service, rule } };
    revalidatePath("/admin/bundles");
    redirect(`/admin/bundles/${bundleCode}/items/${service}?saved=added`);
  },
});

/** Takes a service out of the bundle: a plain form post that comes back to the bundle with what happened. */
export const removeBundleItemAction = defineAction({
  route: "/admin/bundles/[code]",
  name: "removeBundleItemAction",
  bound: ["bundleCode"],
  input: z.object({ bundleCode: ZCode, service: ZCode }),
  back: "/admin/bundles",
  async run({ actor, db, input: { bundleCode, service } }) {
    const result = await removeBundleItem({ db, actor, bundleCode, serviceCode: service });
    if (!result.ok) redirect(bundlePage(bundleCode, { error: result.code, ...("detail" in result && result.detail ? { detail: result.detail } : {}) }));
    revalidatePath("/admin/bundles");
    redirect(bundlePage(bundleCode, { saved: "removed" }));
  },
});

/** Moves a service up or down; the applicant's form follows the order. */
export const moveBundleItemAction = defineAction({
  route: "/admin/bundles/[code]",
  name: "moveBundleItemAction",
  bound: ["bundleCode"],
  input: z.object({ bundleCode: ZCode, service: ZCode, direction: z.enum(["up", "down"]) }),
  back: "/admin/bundles",
  async run({ actor, db, input: { bundleCode, service, direction } }) {
    const result = await moveBundleItem({ db, actor, bundleCode, serviceCode: service, direction });
    if (!result.ok) redirect(bundlePage(bundleCode, { error: result.code }));
    redirect(bundlePage(bundleCode, { saved: "moved" }));
  },
});

/** Retires the bundle: it leaves the catalog; cases already submitted go on. */
export const retireBundleAction = defineAction({
  route: "/admin/bundles/[code]",
  name: "retireBundleAction",
  bound: ["bundleCode"],
  input: z.object({ bundleCode: ZCode }),
  back: "/admin/bundles",
  async run({ actor, db, input: { bundleCode } }) {
    const result = await retireBundle({ db, actor, bundleCode });
    if (!result.ok) redirect(bundlePage(bundleCode, { error: result.code }));
    revalidatePath("/admin/bundles");
    redirect(bundlePage(bundleCode, { saved: "retired" }));
  },
});
