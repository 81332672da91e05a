/**
 * Bundle routing (一件事一次办): of the items in a bundle, those that apply to this applicant's answers — e.g.
 * outdoor signage approval only when `{"==": [{"var": "hasOutdoorSign"}, true]}` — and, for each that applies, the
 * others it waits for. Intake builds a case's tasks from `routeComponents`, and the admin's "try it" box shows the
 * same result, so the two cannot disagree.
 */
import { evaluateRule, type TLogicRule } from "@/lib/forms/logic";

/** Items without a rule always apply; a rule that is broken or errors excludes its item (see evaluateRule). */
export function selectApplicable<T extends { appliesWhen: TLogicRule | null | undefined }>(
  items: readonly T[],
  answers: Record<string, unknown>,
): T[] {
  return items.filter((item) => evaluateRule(item.appliesWhen ?? undefined, answers));
}

/** Why an item does or does not apply: it has no rule, or its rule held, or its rule did not hold. */
export type TRouteReason = "always" | "rule-held" | "rule-not-held";

export type TRoutedComponent<T> = {
  component: T;
  applies: boolean;
  reason: TRouteReason;
  /** For an item that applies: the codes of the applying items it waits for (a dependency that does not apply is no wait). */
  waitsFor: string[];
};

export function routeComponents<T extends { service: { code: string }; appliesWhen: TLogicRule | null | undefined; dependsOn: readonly string[] }>(
  components: readonly T[],
  answers: Record<string, unknown>,
): TRoutedComponent<T>[] {
  const applicable = new Set(selectApplicable(components, answers));
  const applyingCodes = new Set([...applicable].map((component) => component.service.code));
  return components.map((component) => {
    const applies = applicable.has(component);
    const reason: TRouteReason = !component.appliesWhen ? "always" : applies ? "rule-held" : "rule-not-held";
    return { component, applies, reason, waitsFor: applies ? component.dependsOn.filter((code) => applyingCodes.has(code)) : [] };
  });
}
