/** What the services' guides and forms are built from: a one-page form, a material (申请材料), the "free" fee. */
import type { TFormDefinitionInput } from "@/lib/forms/definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { t } from "@/lib/i18n/traditional";
import type { TSeedMaterial } from "@/seed/catalog/types";

export type TSectionInput = TFormDefinitionInput["pages"][number]["sections"][number];
export type TFieldInput = TSectionInput["fields"][number];

/** A one-page form; sections group the fields the way the paper form did. */
export function singlePageForm(...sections: TSectionInput[]): TFormDefinitionInput {
  return { schemaVersion: 1, pages: [{ key: "application", title: t("填写申请", "Your application"), sections }] };
}

export function material(zhHans: string, en: string, options: { required?: boolean; copies?: number; note?: TLocalizedText } = {}): TSeedMaterial {
  return { name: t(zhHans, en), required: options.required ?? true, copies: options.copies ?? 1, ...(options.note ? { note: options.note } : {}) };
}

export const free = t("不收费", "Free");

/**
 * Where a municipal department's decisions are reviewed and sued over: since the 2023 Administrative Review Law, the
 * people's government at the same level reviews its departments' decisions; the court is the district court with
 * jurisdiction over administrative cases against them.
 */
export const municipalRemedies = {
  reviewBody: t("市人民政府（行政复议申请由市司法局受理）", "the Municipal People's Government (applications are received by the Municipal Justice Bureau)"),
  court: t("市中心城区人民法院", "the Central District People's Court"),
};
