/**
 * What an admin may write into a reason template (常用理由): its words in zh-Hans, zh-Hant and English, each required
 * (a clerk reads the template in their language, and an empty one would fill the reason box with nothing), one line,
 * at most REASON_TEMPLATE_MAX characters (lib/catalog/reason-template-rules.ts).
 */
import { z } from "zod";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZPlainText } from "@/lib/text/plain-text";
import { REASON_TEMPLATE_MAX } from "@/lib/catalog/reason-template-rules";
import { isErrorCode, type TErrorCode } from "@/server/errors";

export const reasonTemplateFields = ["textZhHans", "textZhHant", "textEn"] as const;
export type TReasonTemplateField = (typeof reasonTemplateFields)[number];
export type TReasonTemplateInput = Record<TReasonTemplateField, string>;

const ZText = ZPlainText({ max: REASON_TEMPLATE_MAX, required: "invalid:reason-template-required", tooLong: "invalid:reason-template-too-long" });
const ZReasonTemplateInput = z.object({ textZhHans: ZText, textZhHant: ZText, textEn: ZText });

/** The fields as a form posts them (missing ones read as empty): what each may be is readReasonTemplateInput's. */
export const ZPostedReasonTemplate = z.object({ textZhHans: z.string().catch(""), textZhHant: z.string().catch(""), textEn: z.string().catch("") });

export type TReasonTemplateRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TReasonTemplateField, TErrorCode>> };

/** The text to store, or each field's first problem (`code` is the first of them, in form order). */
export function readReasonTemplateInput(input: Partial<TReasonTemplateInput>): { ok: true; text: TLocalizedText } | TReasonTemplateRefusal {
  const parsed = ZReasonTemplateInput.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<TReasonTemplateField, TErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TReasonTemplateField;
      fields[field] ??= isErrorCode(issue.message) ? issue.message : "invalid:input";
    }
    const first = reasonTemplateFields.find((field) => fields[field]);
    return { ok: false, code: first ? fields[first]! : "invalid:input", fields };
  }
  return { ok: true, text: { "zh-Hans": parsed.data.textZhHans, "zh-Hant": parsed.data.textZhHant, en: parsed.data.textEn } };
}

/** The form's fields of a stored text, to edit it. */
export function reasonTemplateInputOf(text: TLocalizedText): TReasonTemplateInput {
  return { textZhHans: text["zh-Hans"], textZhHant: text["zh-Hant"], textEn: text.en };
}
