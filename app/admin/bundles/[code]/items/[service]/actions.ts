"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TBundleItemEditorState } from "@/components/admin/bundle-item-editor";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { ROUTING_RULE_MAX_CHARS, SAMPLE_ANSWERS_MAX_CHARS } from "@/lib/forms/routing-rule";
import { editBundleItem } from "@/server/bundles/edit-bundle-item";
import { tryBundleRouting } from "@/server/bundles/try-bundle-routing";
import { defineAction } from "@/server/http/define-action";

const ZCode = z.string().regex(catalogCodePattern);
/** A ticked box posts one value, several post a list, none posts nothing. */
const ZList = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).max(100)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/**
 * The rule editor's one form: "try" shows where a case with the sample answers would go under the rule as typed,
 * writing nothing; "save" writes the rule, dependencies and exclusions and comes back with the saved notice.
 */
export const bundleItemEditorAction = defineAction({
  route: "/admin/bundles/[code]/items/[service]",
  name: "bundleItemEditorAction",
  bound: ["bundleCode", "serviceCode"],
  state: true,
  input: z.object({
    bundleCode: ZCode,
    serviceCode: ZCode,
    intent: z.enum(["try", "save"]),
    rule: z.string().max(ROUTING_RULE_MAX_CHARS).catch(""),
    answers: z.string().max(SAMPLE_ANSWERS_MAX_CHARS).catch(""),
    dependsOn: ZList(ZCode),
    excludeFields: ZList(z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/)),
  }),
  async run({ actor, db, input }): Promise<TBundleItemEditorState> {
    const { bundleCode, serviceCode, intent, rule, answers, dependsOn, excludeFields } = input;
    const values = { rule, answers, dependsOn, excludeFields };
    if (intent === "try") {
      const tried = await tryBundleRouting({ db, actor, bundleCode, serviceCode, ruleText: rule, dependsOn, answersText: answers });
      if (!tried.ok) return { values, error: tried.code, field: "field" in tried ? tried.field : undefined, detail: "detail" in tried ? tried.detail : undefined };
      return { values, routes: tried.routes };
    }
    const result = await editBundleItem({ db, actor, bundleCode, serviceCode, input: { ruleText: rule, dependsOn, excludeFields } });
    if (!result.ok) return { values, error: result.code, field: "field" in result ? result.field : undefined, detail: "detail" in result ? result.detail : undefined, issues: "issues" in result ? result.issues : undefined };
    revalidatePath("/admin/bundles");
    redirect(`/admin/bundles/${bundleCode}/items/${serviceCode}?saved=edited`);
  },
});
