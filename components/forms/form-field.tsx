"use client";

/**
 * One field of a form definition, rendered as the accessible control its type calls for. It renders fully on the
 * server, so the form works without JavaScript; what JavaScript adds (fetching region lists, counting characters)
 * is extra. Input names are what lib/forms/read-form-data.ts reads back; ids come from fieldId().
 */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import type { TField, TFieldOf, TItemField } from "@/lib/forms/definition";
import { localize } from "@/lib/i18n/locales";
import { fieldId } from "./field-id";
import { CheckboxGroupField, DeclarationField, RadioField, SelectField, YesNoField } from "./fields/choice-fields";
import { shellProps, type TFieldContext, type TFieldParts } from "./fields/common";
import { DateRangeField } from "./fields/date-range-field";
import { MaterialField } from "./fields/material-field";
import { AddressField, RegionField } from "./fields/region-field";
import { TextField } from "./fields/text-field";
import { groupItemsOf } from "./fields/values";
import { FieldsetShell } from "./text-input";

export type { TFieldContext, TRegionLists, TRegionOption, TWalletLicence } from "./fields/common";
/** For client components; server components import it from ./field-id (a client module's exports reach them as references). */
export { fieldId };

export function FormField({
  field,
  value,
  namePrefix = "",
  context,
}: {
  field: TField | TItemField;
  value: unknown;
  /** `<groupKey>.<index>.` for a field inside a group's item. */
  namePrefix?: string;
  context: TFieldContext;
}) {
  const t = useTranslations("fields");
  const { locale } = context;
  const path = `${namePrefix}${field.key}`;
  const prefilled = context.prefilled[path];
  const computed = "compute" in field && field.compute !== undefined;
  const fieldHint = field.hint ? localize(field.hint, locale) : undefined;
  const lockHint = computed ? t("computed") : prefilled?.locked ? t("locked", { source: prefilled.sourceLabel }) : undefined;
  const parts: TFieldParts = {
    path,
    id: fieldId(path),
    label: (
      <>
        {localize(field.label, locale)}
        {field.required ? null : <span className="font-normal text-muted"> {t("optional")}</span>}
      </>
    ),
    hint:
      fieldHint || lockHint ? (
        <>
          {fieldHint ? <p>{fieldHint}</p> : null}
          {lockHint ? <p>{lockHint}</p> : null}
        </>
      ) : undefined,
    error: context.errorFor(path),
    errorPrefix: t("errorPrefix"),
    note: prefilled ? <Tag tone="info">{t("source", { source: prefilled.sourceLabel })}</Tag> : undefined,
    locked: computed || prefilled?.locked === true,
    required: field.required,
  };
  const props = { value, parts, context };

  switch (field.type) {
    case "group":
      return <GroupField field={field} {...props} />;
    case "select":
      return <SelectField field={field} {...props} />;
    case "radio":
      return <RadioField field={field} {...props} />;
    case "checkbox-group":
      return <CheckboxGroupField field={field} {...props} />;
    case "yesno":
      return <YesNoField field={field} {...props} />;
    case "declaration":
      return <DeclarationField field={field} {...props} />;
    case "date-range":
      return <DateRangeField field={field} {...props} />;
    case "region":
      return <RegionField field={field} {...props} />;
    case "address":
      return <AddressField field={field} {...props} />;
    case "material":
      return <MaterialField field={field} {...props} />;
    default:
      return <TextField field={field} {...props} />;
  }
}

/**
 * A repeating group ("add another"): one fieldset per item, its fields posted as `<group>.<i>.<itemKey>`. Adding
 * and removing items are submit buttons (`intent=add:<group>`, `intent=remove:<group>:<i>`) that the server acts
 * on, so they work without JavaScript.
 */
function GroupField({ field, value, parts, context }: { field: TFieldOf<"group">; value: unknown; parts: TFieldParts; context: TFieldContext }) {
  const t = useTranslations("fields");
  const items = groupItemsOf(value, field.minItems);
  const item = localize(field.itemLabel, context.locale);
  const shown = context.isShown ?? (() => true);
  return (
    <div id={parts.id} tabIndex={-1} className="outline-none">
      <FieldsetShell {...shellProps(parts)} legendClass="text-xl font-bold">
        {items.map((answers, index) => {
          const number = index + 1;
          return (
            <fieldset key={index} className="mb-4 min-w-0 border-l-4 border-line pl-3 sm:pl-4">
              <legend className="mb-2 text-lg font-bold">{t("itemLegend", { item: capitalise(item), number })}</legend>
              {field.fields
                .filter((itemField) => shown(`${parts.path}.${index}.${itemField.key}`))
                .map((itemField) => (
                  <FormField key={itemField.key} field={itemField} value={answers[itemField.key]} namePrefix={`${parts.path}.${index}.`} context={context} />
                ))}
              {items.length > field.minItems ? (
                <Button variant="secondary" name="intent" value={`remove:${parts.path}:${index}`} formNoValidate>
                  {t("removeItem", { item, number })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        {items.length < field.maxItems ? (
          <Button variant="secondary" name="intent" value={`add:${parts.path}`} formNoValidate>
            {items.length === 0 ? t("addFirstItem", { item }) : t("addItem", { item })}
          </Button>
        ) : null}
      </FieldsetShell>
    </div>
  );
}

/** "shareholder" → "Shareholder" for a legend; Chinese is left as it is. */
function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
