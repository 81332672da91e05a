import { getTranslations } from "next-intl/server";
import { SummaryList } from "@/components/ui/summary-list";
import type { TServiceGuide } from "@/db/schema";
import { localize, type Locale } from "@/lib/i18n/locales";

/** A service's guide read-only in the reader's language: a published version, or the draft before publishing it. */
export async function ServiceGuideSummary({ guide, locale }: { guide: TServiceGuide; locale: Locale }) {
  const t = await getTranslations("adminServices");
  const tg = await getTranslations("guide");
  const tc = await getTranslations("catalog");
  const l = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const list = (items: { [key: string]: string }[], ordered = false) => {
    if (items.length === 0) return t("none");
    const Tag = ordered ? "ol" : "ul";
    return (
      <Tag className={`${ordered ? "list-decimal" : "list-disc"} pl-6`}>
        {items.map((item, index) => (
          <li key={index}>{l(item as Parameters<typeof localize>[0])}</li>
        ))}
      </Tag>
    );
  };
  return (
    <SummaryList
      rows={[
        { key: t("fields.name"), value: l(guide.name) },
        { key: t("fields.summary"), value: l(guide.summary) || t("none") },
        { key: t("fields.topic"), value: guide.topic ? tc(`topics.${guide.topic}` as "topics.business") : t("none") },
        { key: t("fields.conditions"), value: list(guide.conditions) },
        {
          key: t("fields.materials"),
          value:
            guide.materials.length === 0 ? (
              t("none")
            ) : (
              <ul className="list-disc pl-6">
                {guide.materials.map((material, index) => (
                  <li key={index}>
                    {l(material.name)} · {material.required ? tg("required") : tg("optional")} · {tg("copies", { count: material.copies })}
                    {material.note ? ` · ${l(material.note)}` : ""}
                  </li>
                ))}
              </ul>
            ),
        },
        { key: t("fields.fees"), value: l(guide.fees) || t("none") },
        { key: t("fields.legalBasis"), value: list(guide.legalBasis) },
        { key: t("fields.legalLimitDays"), value: tg("workingDays", { days: guide.legalLimitDays }) },
        { key: t("fields.promisedLimitDays"), value: tg("workingDays", { days: guide.promisedLimitDays }) },
        { key: t("fields.steps"), value: list(guide.steps, true) },
        { key: t("fields.address"), value: guide.address ?? t("departmentsOwn") },
        { key: t("fields.hours"), value: guide.hours ?? t("departmentsOwn") },
        { key: t("fields.phone"), value: guide.phone ?? t("departmentsOwn") },
      ]}
    />
  );
}
