/**
 * What an admin may write into a new bundle (一件事), checked at the use case's boundary: each refusal is an error
 * code on the field it is about, so the form shows every problem at once next to its field.
 */
import { z } from "zod";
import { applicantTypes, type TApplicantType } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZPlainText } from "@/lib/text/plain-text";
import { isErrorCode, type TErrorCode } from "@/server/errors";

/** The catalog's topics (messages → catalog.topics), the same list the seeded services use. */
export const bundleTopics = ["business", "family", "social-security", "health", "residence", "environment", "tax", "urban"] as const;

/** In addresses (/services/BUNDLE-CAFE) and case records: capitals, digits and hyphens, starting "BUNDLE-" as the seed's. */
const BUNDLE_CODE = /^BUNDLE-[A-Z0-9][A-Z0-9-]{1,40}$/;
export const BUNDLE_NAME_MAX = 60;
export const BUNDLE_SUMMARY_MAX = 400;

export const bundleFields = ["code", "nameZhHans", "nameZhHant", "nameEn", "summaryZhHans", "summaryZhHant", "summaryEn", "applicantType", "topic"] as const;
export type TBundleField = (typeof bundleFields)[number];
export type TBundleInput = Record<TBundleField, string>;

const ZName = ZPlainText({ max: BUNDLE_NAME_MAX, required: "invalid:bundle-name-required", tooLong: "invalid:bundle-name-too-long" });
const ZSummary = ZPlainText({ max: BUNDLE_SUMMARY_MAX, multiline: true, required: "invalid:bundle-summary-required", tooLong: "invalid:bundle-summary-too-long" });

const ZBundleInput = z.object({
  code: z
    .unknown()
    .transform((value) => (typeof value === "string" ? value.trim().toUpperCase() : ""))
    .refine((code) => BUNDLE_CODE.test(code), { error: "invalid:bundle-code" }),
  nameZhHans: ZName,
  nameZhHant: ZName,
  nameEn: ZName,
  summaryZhHans: ZSummary,
  summaryZhHant: ZSummary,
  summaryEn: ZSummary,
  applicantType: z.enum(applicantTypes, { error: "invalid:bundle-applicant-type" }),
  topic: z.enum(bundleTopics, { error: "invalid:bundle-topic" }),
});

export type TBundleValues = { code: string; name: TLocalizedText; summary: TLocalizedText; applicantType: TApplicantType; topic: string };
export type TBundleRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TBundleField, TErrorCode>> };

/** The bundle to write, or each field's first problem (`code` is the first of them, in form order). */
export function readBundleInput(input: Partial<TBundleInput>): { ok: true; values: TBundleValues } | TBundleRefusal {
  const parsed = ZBundleInput.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<TBundleField, TErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TBundleField;
      fields[field] ??= isErrorCode(issue.message) ? issue.message : "invalid:input";
    }
    const first = bundleFields.find((field) => fields[field]);
    return { ok: false, code: first ? fields[first]! : "invalid:input", fields };
  }
  const value = parsed.data;
  return {
    ok: true,
    values: {
      code: value.code,
      name: { "zh-Hans": value.nameZhHans, "zh-Hant": value.nameZhHant, en: value.nameEn },
      summary: { "zh-Hans": value.summaryZhHans, "zh-Hant": value.summaryZhHant, en: value.summaryEn },
      applicantType: value.applicantType,
      topic: value.topic,
    },
  };
}

/** The posted form of a new bundle: every field a string (a missing one reads as empty and is refused as such). */
export const ZPostedBundle = z.object(Object.fromEntries(bundleFields.map((field) => [field, z.string().max(2000).catch("")])) as Record<TBundleField, z.ZodCatch<z.ZodString>>);
