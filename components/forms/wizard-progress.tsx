import { getTranslations } from "next-intl/server";
import type { TPage } from "@/lib/forms/definition";
import { localize, type Locale } from "@/lib/i18n/locales";

/**
 * Where the applicant is: the visible pages and the check page, as an ordered list. Text, not colour alone, says
 * which step is current and which are done, so it reads the same to a screen reader and at 200% zoom.
 */
export async function WizardProgress({ pages, current, locale }: { pages: TPage[]; current: string; locale: Locale }) {
  const t = await getTranslations("wizard");
  const steps = [...pages.map((page) => ({ key: page.key, title: localize(page.title, locale) })), { key: "check", title: t("checkTitle") }];
  const currentIndex = steps.findIndex((step) => step.key === current);
  return (
    <nav aria-label={t("progress")} className="mb-6">
      <ol className="flex flex-wrap gap-x-2 gap-y-1 text-base">
        {steps.map((step, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
          return (
            <li
              key={step.key}
              aria-current={state === "current" ? "step" : undefined}
              className={`border-b-4 px-1 pb-1 ${state === "current" ? "border-brand font-bold" : state === "done" ? "border-go" : "border-line text-muted"}`}
            >
              <span className="sr-only">{t(`stepState.${state}`)} </span>
              {index + 1}. {step.title}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
