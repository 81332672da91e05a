/**
 * The seeded reason templates (常用理由): what every department may say when it refuses to accept (不予受理) or refuses
 * the permission (不予许可), after the 行政许可法's own grounds, and a few a service says of itself. The clerk picks
 * one to fill the reason box and may change its words.
 */
import type { TReasonDecision } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { t } from "@/lib/i18n/traditional";

const everyService: Record<TReasonDecision, TLocalizedText[]> = {
  refuse: [
    t("申请事项依法不需要取得行政许可。", "This activity does not need a permission by law."),
    t("申请事项不属于本部门职权范围，请向有权的行政机关申请。", "This application is not within this department's remit: apply to the authority responsible for it."),
    t("申请材料不齐全或者不符合法定形式，经一次性告知后未在规定期限内补正。", "The documents were incomplete or not in the form the law requires, and were not completed in the time given."),
  ],
  reject: [
    t("经审查，申请不符合本事项法定的许可条件。", "On review, the application does not meet the conditions the law sets for this permission."),
    t("申请人隐瞒有关情况或者提供虚假材料。", "The applicant concealed relevant facts or provided false information."),
  ],
};

const byService: Record<string, Partial<Record<TReasonDecision, TLocalizedText[]>>> = {
  "AMR-FOOD-LICENCE": {
    reject: [t("经营场所的布局和设施不符合食品安全要求，不能防止交叉污染。", "The layout and equipment of the premises do not meet food safety requirements: they cannot prevent cross-contamination.")],
  },
  "FIRE-SAFETY-CHECK": {
    reject: [t("现场检查发现安全出口数量或者疏散通道不符合消防技术标准。", "The inspection found the fire exits or escape routes do not meet the fire safety standards.")],
  },
  "URBAN-OUTDOOR-SIGN": {
    reject: [t("招牌的位置或者尺寸不符合本市户外招牌设置技术规范。", "The position or size of the sign does not meet the city's technical rules for outdoor signs.")],
  },
};

/** The templates of one service, in the order they are offered: its own first, then those of every service. */
export function reasonTemplatesOf(serviceCode: string): { decision: TReasonDecision; texts: TLocalizedText[] }[] {
  return (Object.keys(everyService) as TReasonDecision[]).map((decision) => ({
    decision,
    texts: [...(byService[serviceCode]?.[decision] ?? []), ...everyService[decision]],
  }));
}
