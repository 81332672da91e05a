/**
 * Turns a case's answers into the data a licence prints, as its template says. Licences are printed in simplified
 * Chinese (the language of the issuing authority's record), so a chosen option becomes its zh-Hans label, a yes/no
 * 是/否, a number takes its unit; dates stay YYYY-MM-DD so every reader's page can write them out in its language.
 * A datum the case did not answer (a question the applicant was not shown) is left off the licence.
 */
import type { TAnswerValue, TAnswers } from "@/lib/forms/answers";
import { listFields, type TField, type TFormDefinition } from "@/lib/forms/definition";
import { formatFen } from "@/lib/money";
import { listRegionPath } from "@/lib/regions/regions";
import type { TLicenceDataField, TLicenceTemplate } from "./licence-template";

export type TFilledLicenceData = { data: Record<string, string>; dataFields: TLicenceDataField[] };

export function fillLicenceTemplate({ template, definition, answers }: { template: TLicenceTemplate; definition: TFormDefinition; answers: TAnswers }): TFilledLicenceData {
  const fieldsByKey = new Map(listFields(definition).map((field) => [field.key, field]));
  const data: Record<string, string> = {};
  const dataFields: TLicenceDataField[] = [];
  for (const item of template.fields) {
    let value: string | null = null;
    if ("value" in item.from) value = item.from.value;
    else {
      for (const key of item.from.answer) {
        value = printAnswer(fieldsByKey.get(key), answers[key]);
        if (value !== null) break;
      }
    }
    if (value === null) continue;
    data[item.key] = value;
    dataFields.push({ key: item.key, label: item.label });
  }
  return { data, dataFields };
}

function regionText(code: unknown): string {
  if (typeof code !== "string") return "";
  return listRegionPath(code)
    .map((region) => region.name["zh-Hans"])
    .join("");
}

/** One answer as the licence prints it; null when there is nothing printable. */
export function printAnswer(field: TField | undefined, value: TAnswerValue | undefined): string | null {
  if (value === undefined || value === null || value === "") return null;
  const object = typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  switch (field?.type) {
    case "material":
    case "group":
      return null;
    case "select":
    case "radio":
      return field.options.find((option) => option.value === value)?.label["zh-Hans"] ?? String(value);
    case "checkbox-group":
      return (Array.isArray(value) ? value : [value]).map((item) => field.options.find((option) => option.value === item)?.label["zh-Hans"] ?? String(item)).join("、");
    case "yesno":
      return value === true ? "是" : value === false ? "否" : String(value);
    case "declaration":
      return value === true ? "已确认" : String(value);
    case "number":
      return field.unit ? `${value}${field.unit["zh-Hans"]}` : String(value);
    case "money":
      return typeof value === "number" ? formatFen(value, "zh-Hans") : String(value);
    case "date-range":
      return typeof object.from === "string" && typeof object.to === "string" ? `${object.from} 至 ${object.to}` : null;
    case "region":
      return regionText(value) || String(value);
    case "address":
      return `${regionText(object.region)}${typeof object.detail === "string" ? object.detail : ""}` || null;
    default:
      return typeof value === "object" ? null : String(value);
  }
}
