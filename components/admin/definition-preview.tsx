import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";
import { dataClassOf } from "@/lib/forms/data-class";
import type { TField, TFormDefinition, TItemField } from "@/lib/forms/definition";
import type { TLogicRule } from "@/lib/forms/logic";
import { localize, type Locale } from "@/lib/i18n/locales";

/**
 * A read-only picture of a form definition for its author: pages → sections → questions, each with its wording
 * in the reader's language, its type, whether it is required, its data class (数据分级: the definition's own, or the
 * field type's), its bounds and options, and its logic shown as the rule itself. Deliberately not the applicant's renderer: an author needs to see hidden questions and rules too.
 * Works in server and client components (next-intl's useTranslations, "adminForms" messages).
 */
export function DefinitionPreview({ definition, locale, idPrefix }: { definition: TFormDefinition; locale: Locale; idPrefix: string }) {
  const t = useTranslations("adminForms.form");
  const labelOf = (key: string) => {
    for (const page of definition.pages) {
      for (const section of page.sections) {
        const field = section.fields.find((candidate) => candidate.key === key);
        if (field) return localize(field.label, locale);
      }
    }
    return key;
  };
  return (
    <div>
      <p className="mb-4 text-muted">{t("pages", { count: definition.pages.length })}</p>
      <ol className="mb-6 list-none space-y-6">
        {definition.pages.map((page, p) => (
          <li key={page.key} className="border-l-4 border-brand pl-4">
            <h3 id={`${idPrefix}-page-${p}`} className="text-xl font-bold">
              {p + 1}. {localize(page.title, locale)} <code className="text-base font-normal text-muted">{page.key}</code>
            </h3>
            <Logic label={t("shownWhen")} rule={page.showWhen} />
            {page.sections.map((section) => (
              <div key={section.key} className="mt-4">
                <h4 className="text-lg font-semibold">
                  {section.title ? localize(section.title, locale) : t("untitledSection")}{" "}
                  <code className="text-base font-normal text-muted">{section.key}</code>
                </h4>
                <Logic label={t("shownWhen")} rule={section.showWhen} />
                <ul className="mt-2 list-none space-y-3">
                  {section.fields.map((field) => (
                    <li key={field.key} className="border-b border-line pb-3">
                      <FieldPreview field={field} locale={locale} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </li>
        ))}
      </ol>
      {definition.rules.length > 0 ? (
        <>
          <h3 className="mb-2 text-xl font-bold">{t("rules")}</h3>
          <ul className="mb-6 list-none space-y-3">
            {definition.rules.map((rule) => (
              <li key={rule.key}>
                <code className="text-muted">{rule.key}</code>{" "}
                {t("ruleAt", { field: labelOf(rule.field), message: localize(rule.message, locale) })}
                <Logic label={t("logic")} rule={rule.rule} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function FieldPreview({ field, locale }: { field: TField | TItemField; locale: Locale }) {
  const t = useTranslations("adminForms.form");
  const tt = useTranslations("adminForms.types");
  const tc = useTranslations("adminForms.dataClasses");
  const dataClass = dataClassOf(field);
  const facts: string[] = [];
  const bounded = field as { min?: number | string; max?: number | string; step?: number; maxLength?: number };
  if (bounded.min !== undefined) facts.push(t("min", { value: String(bounded.min) }));
  if (bounded.max !== undefined) facts.push(t("max", { value: String(bounded.max) }));
  if (bounded.step !== undefined) facts.push(t("step", { value: String(bounded.step) }));
  if (field.type === "number" && field.integer) facts.push(t("integer"));
  if (field.type === "number" && field.unit) facts.push(t("unit", { unit: localize(field.unit, locale) }));
  if (bounded.maxLength !== undefined) facts.push(t("maxLength", { count: bounded.maxLength }));
  if (field.type === "material") {
    facts.push(t("accept", { types: field.accept.join(", ") }), t("maxFiles", { count: field.maxFiles }));
    if (field.licenceTypes.length > 0) facts.push(t("licenceTypes", { types: field.licenceTypes.join(", ") }));
  }
  if (field.type === "group") facts.push(t("items", { min: field.minItems, max: field.maxItems }));
  const compute = "compute" in field ? field.compute : undefined;
  return (
    <div>
      <p className="font-semibold">
        {localize(field.label, locale)} <code className="text-base font-normal text-muted">{field.key}</code>
      </p>
      {field.hint ? <p className="text-muted">{localize(field.hint, locale)}</p> : null}
      <p className="mt-1 flex flex-wrap gap-2">
        <Tag tone="info">{t("type", { type: tt(field.type) })}</Tag>
        <Tag tone={field.required ? "warn" : "neutral"}>{field.required ? t("required") : t("optional")}</Tag>
        {/* What masking, sealing and logs do with the answers follows this (lib/forms/data-class.ts). */}
        <Tag tone={dataClass === "sensitive" ? "bad" : dataClass === "personal" ? "warn" : "neutral"}>
          {t(field.dataClass ? "dataClass" : "dataClassDefault", { class: tc(dataClass) })}
        </Tag>
        {field.prefill ? (
          <Tag tone="ok">
            {field.prefill.editable ? t("prefillEditable", { source: field.prefill.source }) : t("prefill", { source: field.prefill.source })}
          </Tag>
        ) : null}
      </p>
      {facts.length > 0 ? <p className="mt-1 text-muted">{facts.join(" · ")}</p> : null}
      {"options" in field ? (
        <div className="mt-1">
          <span>{t("options")}</span>
          <ul className="ml-6 list-disc">
            {field.options.map((option) => (
              <li key={option.value}>
                {localize(option.label, locale)} <code className="text-muted">{option.value}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Logic label={t("shownWhen")} rule={field.showWhen} />
      <Logic label={t("requiredWhen")} rule={field.required ? undefined : field.requiredWhen} />
      <Logic label={t("computed")} rule={compute} />
      {field.type === "group" ? (
        <div className="mt-2 border-l-2 border-line pl-4">
          <p>{t("itemFields")}</p>
          <ul className="list-none space-y-2">
            {field.fields.map((item) => (
              <li key={item.key}>
                <FieldPreview field={item} locale={locale} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A badge naming the kind of logic, followed by the rule as written (json-logic is the author's language). */
function Logic({ label, rule }: { label: string; rule: TLogicRule | undefined }) {
  if (!rule) return null;
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-2">
      <Tag tone="warn">{label}</Tag>
      <code className="break-all text-sm">{JSON.stringify(rule)}</code>
    </p>
  );
}
