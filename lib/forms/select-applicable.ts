/**
 * Bundle routing (一件事一次办): of the items in a bundle, those that apply to this applicant's answers — e.g.
 * outdoor signage approval only when `{"==": [{"var": "hasOutdoorSign"}, true]}`.
 */
import { evaluateRule, type TLogicRule } from "@/lib/forms/logic";

/** Items without a rule always apply; a rule that is broken or errors excludes its item (see evaluateRule). */
export function selectApplicable<T extends { appliesWhen: TLogicRule | null | undefined }>(
  items: readonly T[],
  answers: Record<string, unknown>,
): T[] {
  return items.filter((item) => evaluateRule(item.appliesWhen ?? undefined, answers));
}
