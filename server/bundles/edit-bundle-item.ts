/**
 * An admin changes one service of a bundle: its routing rule (json-logic over the answers; empty: always applies),
 * the services of the bundle it waits for, and the questions of its own form the bundle leaves out. Every problem is
 * refused with its reason on its field: a rule that is not JSON, not a rule the engine runs, or reads a question the
 * bundle does not ask; a dependency on itself, on a service not in the bundle, or round in a circle; an exclusion
 * that is not a question of the service; a form that no longer composes.
 */
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { findLatestFormVersion } from "@/server/forms/insert-form-version";
import { fieldKeysOf } from "@/lib/forms/routing-rule";
import { bundleFieldKeys, changeBundleItems, readRule, refuse } from "./change-bundle-items";

export type TEditBundleItemInput = { ruleText: string; dependsOn: string[]; excludeFields: string[] };

export async function editBundleItem({ db, actor, bundleCode, serviceCode, input }: { db: TDatabase; actor: TActor; bundleCode: string; serviceCode: string; input: TEditBundleItemInput }) {
  return changeBundleItems({
    db,
    actor,
    bundleCode,
    action: "edit-item",
    async change(items, { tx, bundle }) {
      const index = items.findIndex((item) => item.code === serviceCode);
      if (index < 0) return refuse("not-found:bundle-item");
      const rule = readRule(input.ruleText, await bundleFieldKeys(tx, bundle.code));
      if (!rule.ok) return rule;
      const ownForm = await findLatestFormVersion(tx, "service", serviceCode);
      const ownKeys = ownForm ? fieldKeysOf(ownForm.definition) : new Set<string>();
      const strange = input.excludeFields.find((key) => !ownKeys.has(key));
      if (strange !== undefined) return refuse("invalid:bundle-exclude-fields", { field: "excludeFields", detail: strange });
      const changed = [...items];
      changed[index] = { ...items[index], appliesWhen: rule.rule, dependsOn: [...new Set(input.dependsOn)], excludeFields: [...new Set(input.excludeFields)] };
      return changed;
    },
  });
}
