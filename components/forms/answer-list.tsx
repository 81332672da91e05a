import { getTranslations } from "next-intl/server";
import { SummaryList } from "@/components/ui/summary-list";
import { listFields, type TFormDefinition } from "@/lib/forms/definition";
import type { TAnswers } from "@/lib/forms/validate-answers";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";

/** The answers of a case, labelled by the form definition version it was submitted under. */
export async function AnswerList({ definition, answers, locale }: { definition: TFormDefinition; answers: TAnswers; locale: Locale }) {
  const t = await getTranslations("form");
  const rows = listFields(definition)
    .filter((field) => answers[field.key] !== undefined)
    .map((field) => {
      const value = answers[field.key];
      let shown: string;
      if (field.type === "yesno") shown = value ? t("yes") : t("no");
      else if (field.type === "select") {
        const option = field.options.find((o) => o.value === value);
        shown = option ? localize(option.label, locale) : String(value);
      } else if (field.type === "date" && typeof value === "string") shown = formatDate(value, locale);
      else if (field.type === "number" && field.unit) shown = `${value} ${localize(field.unit, locale)}`;
      else shown = String(value);
      return { key: localize(field.label, locale), value: shown };
    });
  return <SummaryList rows={rows} />;
}
