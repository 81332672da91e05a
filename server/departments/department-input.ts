/**
 * What an admin may write into a department, checked at the use cases' boundary: each refusal is an error code on
 * the field it is about, so the form shows every problem at once next to its field.
 */
import { z } from "zod";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZPlainText } from "@/lib/text/plain-text";
import { isErrorCode, type TErrorCode } from "@/server/errors";

/** The code is in addresses (/services?department=FIRE) and clerks' user names: capitals and digits, as the seed's. */
const DEPARTMENT_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
export const DEPARTMENT_NAME_MAX = 60;
export const DEPARTMENT_CONTACT_MAX = 200;

export const departmentFields = ["code", "nameZhHans", "nameZhHant", "nameEn", "shortNameZhHans", "shortNameZhHant", "shortNameEn", "phone", "address", "hours"] as const;
export type TDepartmentField = (typeof departmentFields)[number];
export type TDepartmentInput = Record<TDepartmentField, string>;

const ZName = ZPlainText({ max: DEPARTMENT_NAME_MAX, required: "invalid:department-name-required", tooLong: "invalid:department-name-too-long" });
/** A short name may be left empty: the name stands in for it. */
const ZShortName = ZPlainText({ max: DEPARTMENT_NAME_MAX, tooLong: "invalid:department-name-too-long" });
const ZContact = ZPlainText({ max: DEPARTMENT_CONTACT_MAX, tooLong: "invalid:department-contact-too-long" });

const ZDepartmentInput = z.object({
  code: z
    .unknown()
    .transform((value) => (typeof value === "string" ? value.trim().toUpperCase() : ""))
    .refine((code) => DEPARTMENT_CODE.test(code), { error: "invalid:department-code" }),
  nameZhHans: ZName,
  nameZhHant: ZName,
  nameEn: ZName,
  shortNameZhHans: ZShortName,
  shortNameZhHant: ZShortName,
  shortNameEn: ZShortName,
  // A telephone number as people write it: digits, spaces, +, -, parentheses and an extension ("转").
  phone: ZPlainText({ max: 40, tooLong: "invalid:department-phone" }).refine((phone) => phone === "" || /^[0-9+\-() 转,]{3,40}$/.test(phone), { error: "invalid:department-phone" }),
  address: ZContact,
  hours: ZContact,
});

export type TDepartmentValues = {
  code: string;
  name: TLocalizedText;
  shortName: TLocalizedText;
  phone: string | null;
  address: string | null;
  hours: string | null;
};

export type TDepartmentRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TDepartmentField, TErrorCode>> };

/** The department to write, or each field's first problem (`code` is the first of them, in form order). */
export function readDepartmentInput(input: Partial<TDepartmentInput>): { ok: true; values: TDepartmentValues } | TDepartmentRefusal {
  const parsed = ZDepartmentInput.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<TDepartmentField, TErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TDepartmentField;
      fields[field] ??= isErrorCode(issue.message) ? issue.message : "invalid:input";
    }
    const first = departmentFields.find((field) => fields[field]);
    return { ok: false, code: first ? fields[first]! : "invalid:input", fields };
  }
  const value = parsed.data;
  const name = { "zh-Hans": value.nameZhHans, "zh-Hant": value.nameZhHant, en: value.nameEn };
  return {
    ok: true,
    values: {
      code: value.code,
      name,
      shortName: { "zh-Hans": value.shortNameZhHans || name["zh-Hans"], "zh-Hant": value.shortNameZhHant || name["zh-Hant"], en: value.shortNameEn || name.en },
      phone: value.phone || null,
      address: value.address || null,
      hours: value.hours || null,
    },
  };
}

/** A department's values as the form's fields (to show them for editing). */
export function departmentInputOf(department: TDepartmentValues): TDepartmentInput {
  return {
    code: department.code,
    nameZhHans: department.name["zh-Hans"],
    nameZhHant: department.name["zh-Hant"],
    nameEn: department.name.en,
    shortNameZhHans: department.shortName["zh-Hans"],
    shortNameZhHant: department.shortName["zh-Hant"],
    shortNameEn: department.shortName.en,
    phone: department.phone ?? "",
    address: department.address ?? "",
    hours: department.hours ?? "",
  };
}

/** The department form's post, only its shape (a missing or non-text field reads as empty): the use case judges it. */
export const ZPostedDepartment = z.object(Object.fromEntries(departmentFields.map((field) => [field, z.string().max(2000).catch("")])) as Record<TDepartmentField, z.ZodCatch<z.ZodString>>);
