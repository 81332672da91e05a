/**
 * "Try it": which services — and so which departments — a case of this bundle would reach with these answers, and
 * why. It reads the bundle as intake does (findApplySubject) and routes with intake's own function (routeComponents),
 * with the rule being edited standing in for the stored one, so what it shows is what submitting would do. Nothing is
 * written. Intake routes the answers after checking them against the form; here they are taken as typed.
 */
import type { TDatabase } from "@/db/client";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { parseSampleAnswers } from "@/lib/forms/routing-rule";
import { routeComponents, type TRouteReason } from "@/lib/forms/select-applicable";
import type { TActor } from "@/server/auth/actor";
import { findApplySubject } from "@/server/catalog/find-apply-subject";
import { fail } from "@/server/errors";
import { bundleFieldKeys, readRule, refuse, type TBundleChangeRefusal } from "./change-bundle-items";

export type TTriedRoute = {
  code: string;
  name: TLocalizedText;
  department: { code: string; name: TLocalizedText };
  applies: boolean;
  reason: TRouteReason;
  waitsFor: string[];
  /** The service whose rule was tried. */
  tried: boolean;
};

export async function tryBundleRouting({
  db,
  actor,
  bundleCode,
  serviceCode,
  ruleText,
  dependsOn,
  answersText,
}: {
  db: TDatabase;
  actor: TActor;
  bundleCode: string;
  /** The service whose rule is being edited, and that rule as typed; absent: the stored rules. */
  serviceCode?: string;
  ruleText?: string;
  /** That service's dependencies as ticked, standing in for the stored ones too. */
  dependsOn?: string[];
  answersText: string;
}): Promise<{ ok: true; routes: TTriedRoute[]; answers: Record<string, unknown> } | TBundleChangeRefusal> {
  if (actor.role !== "admin") return fail("forbidden:role");
  // Not through the reference cache: the admin tries what was saved a moment ago.
  const subject = await findApplySubject(db, bundleCode);
  if (!subject || subject.type !== "bundle") return fail("not-found:bundle");
  let override: TLogicRule | null | undefined;
  if (serviceCode !== undefined) {
    if (!subject.components.some((component) => component.service.code === serviceCode)) return fail("not-found:bundle-item");
    const rule = readRule(ruleText ?? "", await bundleFieldKeys(db, bundleCode));
    if (!rule.ok) return rule;
    override = rule.rule;
  }
  const answers = parseSampleAnswers(answersText);
  if (!answers.ok) return refuse("invalid:sample-answers", { field: "answers", detail: answers.detail });
  const components = subject.components.map((component) =>
    override !== undefined && component.service.code === serviceCode ? { ...component, appliesWhen: override, dependsOn: dependsOn ?? component.dependsOn } : component,
  );
  const routes = routeComponents(components, answers.answers).map(({ component, applies, reason, waitsFor }) => ({
    code: component.service.code,
    name: component.service.name,
    department: { code: component.department.code, name: component.department.name },
    applies,
    reason,
    waitsFor,
    tried: component.service.code === serviceCode,
  }));
  return { ok: true, routes, answers: answers.answers };
}
