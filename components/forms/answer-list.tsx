import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SummaryList } from "@/components/ui/summary-list";
import type { TField, TFormDefinition, TItemField } from "@/lib/forms/definition";
import { maskPersonalAnswer } from "@/lib/forms/mask-personal-answer";
import { hiddenAnswer, maskStaffAnswer } from "@/lib/forms/mask-staff-answer";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader, type TNameHolder } from "@/lib/i18n/name-for-reader";
import { formatFen } from "@/lib/money";
import { listRegionPath } from "@/lib/regions/regions";
import { MaterialAnswer, type TMaterialLinks } from "./material-answer";

type TTranslate = Awaited<ReturnType<typeof getTranslations<"form">>>;
/** The few words of the "form" messages an answer as text needs (a page's translator, or translatorFor's in an action). */
export type TAnswerWords = (key: "yes" | "no" | "confirmed" | "dateRange", values?: { from: string; to: string }) => string;

/** Region names from province down, e.g. 上海市 浦东新区. */
function regionText(code: unknown, locale: Locale): string {
  if (typeof code !== "string") return "";
  const path = listRegionPath(code);
  return path.length > 0 ? path.map((region) => localize(region.name, locale)).join(locale === "en" ? ", " : " ") : code;
}

/** Answers prefilled with a name from the register are names, shown by the one name rule. */
const namePrefills: Partial<Record<string, TNameHolder>> = { "identity.name": "person", "company.legalRepresentative": "person", "company.name": "company" };

/**
 * One answer of a field that is neither a material nor a group, as text: what formatAnswer shows and what a clerk
 * reads after revealing a masked answer (the reveal's result crosses to the browser as text).
 */
export function formatAnswerText(field: TField | TItemField, value: unknown, locale: Locale, t: TAnswerWords): string {
  const object = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const nameHolder = field.prefill ? namePrefills[field.prefill.source] : undefined;
  if (nameHolder && typeof value === "string") return nameForReader(value, locale, nameHolder);
  switch (field.type) {
    case "yesno":
      return value === true ? t("yes") : value === false ? t("no") : String(value);
    case "declaration":
      return value === true ? t("confirmed") : String(value);
    case "select":
    case "radio": {
      const option = field.options.find((candidate) => candidate.value === value);
      return option ? localize(option.label, locale) : String(value);
    }
    case "checkbox-group": {
      const chosen = Array.isArray(value) ? value : [value];
      return chosen.map((item) => localize(field.options.find((option) => option.value === item)?.label ?? { "zh-Hans": String(item), "zh-Hant": String(item), en: String(item) }, locale)).join(locale === "en" ? ", " : "、");
    }
    case "date":
      return typeof value === "string" ? formatDate(value, locale) : String(value);
    case "date-range":
      return typeof object.from === "string" && typeof object.to === "string" ? t("dateRange", { from: formatDate(object.from, locale), to: formatDate(object.to, locale) }) : "";
    case "number":
      return field.unit ? `${value} ${localize(field.unit, locale)}` : String(value);
    case "money":
      return typeof value === "number" ? formatFen(value, locale) : String(value);
    case "region":
      return regionText(value, locale);
    case "address":
      return [regionText(object.region, locale), typeof object.detail === "string" ? object.detail : ""].filter(Boolean).join(locale === "en" ? ", " : " ");
    default:
      return String(value);
  }
}

/** One answer as the applicant and the clerk read it, whatever its field type; an answer masked whole reads "hidden". */
export function formatAnswer(
  field: TField | TItemField,
  value: unknown,
  locale: Locale,
  t: TTranslate,
  licenceTitles: Record<string, string> = {},
  materialLinks?: TMaterialLinks,
): React.ReactNode {
  if (value === undefined || value === null || value === "") return <span className="text-muted">{t("notAnswered")}</span>;
  if (value === hiddenAnswer) return <span className="text-muted italic">{t("hiddenSensitive")}</span>;
  switch (field.type) {
    case "material": {
      const refs = Array.isArray(value) ? (value as unknown[]).filter((ref): ref is Record<string, unknown> => ref !== null && typeof ref === "object") : [];
      return <MaterialAnswer refs={refs} locale={locale} t={t} licenceTitles={licenceTitles} links={materialLinks} />;
    }
    case "group": {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      return (
        <ol className="list-none space-y-3">
          {items.map((item, index) => (
            <li key={index}>
              <p className="font-semibold">
                {localize(field.itemLabel, locale)} {index + 1}
              </p>
              <dl>
                {field.fields
                  .filter((itemField) => item[itemField.key] !== undefined)
                  .map((itemField) => (
                    <div key={itemField.key} className="sm:flex sm:gap-2">
                      <dt className="text-muted">{localize(itemField.label, locale)}:</dt>
                      <dd>{formatAnswer(itemField, item[itemField.key], locale, t, licenceTitles, materialLinks)}</dd>
                    </div>
                  ))}
              </dl>
            </li>
          ))}
        </ol>
      );
    }
    default:
      return formatAnswerText(field, value, locale, t);
  }
}

/**
 * The answers of a case (or a draft on its check page), labelled by the form definition version they were given
 * under. With `changeHref`, each row links back to the page that asks it (a row it gives no link for cannot change).
 * Personal numbers (resident ID, mobile) are masked unless `revealFull` says a field is shown whole: applicant pages
 * reveal only what the applicant is still typing (the check page's editable rows), so a typo can be caught. For
 * staff, answers are masked by their data class too (maskStaffAnswer: a sensitive answer reads "hidden"); the
 * applicant sees their own answers.
 */
export async function AnswerList({
  definition,
  answers,
  locale,
  fields,
  changeHref,
  licenceTitles,
  materialLinks,
  reader,
  revealFull = () => false,
}: {
  definition: TFormDefinition;
  answers: Record<string, unknown>;
  locale: Locale;
  /** Whose page this is: the applicant's own (their answers), or staff's (masked by data class). */
  reader: "applicant" | "staff";
  /** Only these fields (a page's visible ones); default: every answered field. */
  fields?: TField[];
  changeHref?: (field: TField) => string | undefined;
  licenceTitles?: Record<string, string>;
  /** Where the reader may open the materials; without it they are only named. */
  materialLinks?: TMaterialLinks;
  /** Fields whose personal numbers are shown whole; default: none. */
  revealFull?: (field: TField) => boolean;
}) {
  const t = await getTranslations("form");
  const shown = fields ?? definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields)).filter((field) => answers[field.key] !== undefined);
  const mask = reader === "staff" ? maskStaffAnswer : maskPersonalAnswer;
  const rows = shown.map((field) => {
    const href = changeHref?.(field);
    return {
      key: localize(field.label, locale),
      value: formatAnswer(field, revealFull(field) ? answers[field.key] : mask(field, answers[field.key]), locale, t, licenceTitles, materialLinks),
      action: href ? (
        <Link href={href}>
          {t("change")}
          <span className="sr-only"> {localize(field.label, locale)}</span>
        </Link>
      ) : undefined,
    };
  });
  return <SummaryList rows={rows} />;
}
