/**
 * What an admin may write into a service, checked at the use cases' boundary, each refusal an error code on the field
 * it is about (so the form shows every problem at once, next to its field).
 *
 * Lists (conditions, legal basis, process steps) come as one textarea per language, one item a line: the n-th line of
 * each language is the n-th item, so the three must have as many lines. Materials come as rows of fields named
 * `material-<n>-<part>`; a row left empty is no material, which is how one is removed without JavaScript.
 */
import { z } from "zod";
import { applicantTypes, serviceKinds, type TMaterial, type TServiceGuide } from "@/db/schema";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { isServiceTopic } from "@/lib/catalog/service-topics";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { readPlainText } from "@/lib/text/plain-text";
import type { TErrorCode } from "@/server/errors";

export const SERVICE_NAME_MAX = 100;
export const SERVICE_TEXT_MAX = 2000;
export const SERVICE_LINE_MAX = 300;
export const SERVICE_LIST_MAX = 30;
export const SERVICE_LIMIT_MAX = 365;

export const languageSuffixes = { "zh-Hans": "ZhHans", "zh-Hant": "ZhHant", en: "En" } as const;
const languages = Object.keys(languageSuffixes) as (keyof typeof languageSuffixes)[];

export type TServiceFieldErrors = Record<string, TErrorCode>;
export type TServiceRefusal = { ok: false; code: TErrorCode; fields: TServiceFieldErrors };
/** A form's fields as posted: strings by name. */
export type TServicePost = Record<string, string>;

/** A service code: the catalog's pattern, and words of capitals and digits joined by single hyphens (HRSS-PROOF). */
const SERVICE_CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

function refusal(fields: TServiceFieldErrors, order: string[]): TServiceRefusal {
  const first = order.find((field) => fields[field]) ?? Object.keys(fields)[0];
  return { ok: false, code: first ? fields[first] : "invalid:input", fields };
}

/** Reads the three languages of a one-line text, each required or each optional, noting problems in `fields`. */
function readLocalized(post: TServicePost, base: string, fields: TServiceFieldErrors, options: { max: number; required: boolean; multiline?: boolean }): TLocalizedText {
  const text = { "zh-Hans": "", "zh-Hant": "", en: "" };
  for (const language of languages) {
    const name = `${base}${languageSuffixes[language]}`;
    const read = readPlainText(post[name], { max: options.max, tooLong: "invalid:service-text-too-long", required: options.required ? "invalid:service-text-required" : undefined, multiline: options.multiline });
    if (read.ok) text[language] = read.text;
    else fields[name] = read.code;
  }
  return text;
}

/** A list typed one item a line in each language; the languages must have as many lines. */
function readList(post: TServicePost, base: string, fields: TServiceFieldErrors, required: boolean): TLocalizedText[] {
  const lines: Record<string, string[]> = {};
  for (const language of languages) {
    const read = readPlainText(post[`${base}${languageSuffixes[language]}`], { max: SERVICE_LINE_MAX * SERVICE_LIST_MAX, tooLong: "invalid:service-list-too-long", multiline: true });
    if (!read.ok) {
      fields[base] = read.code;
      return [];
    }
    lines[language] = read.text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  }
  const counts = languages.map((language) => lines[language].length);
  if (counts.some((count) => count !== counts[0])) fields[base] = "invalid:service-list-languages";
  else if (counts[0] > SERVICE_LIST_MAX) fields[base] = "invalid:service-list-too-long";
  else if (languages.some((language) => lines[language].some((line) => [...line].length > SERVICE_LINE_MAX))) fields[base] = "invalid:service-text-too-long";
  else if (required && counts[0] === 0) fields[base] = "invalid:service-list-required";
  if (fields[base]) return [];
  return lines["zh-Hans"].map((_, index) => ({ "zh-Hans": lines["zh-Hans"][index], "zh-Hant": lines["zh-Hant"][index], en: lines.en[index] }));
}

/** The material rows' numbers, as posted (`material-<n>-…`), in order. */
export function materialRowsOf(post: TServicePost): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(post)) {
    const match = /^material-(\d{1,2})-/.exec(key);
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

function readMaterials(post: TServicePost, fields: TServiceFieldErrors): TMaterial[] {
  const materials: TMaterial[] = [];
  for (const row of materialRowsOf(post)) {
    const base = `material-${row}-`;
    const blank = languages.every((language) => !post[`${base}name${languageSuffixes[language]}`]?.trim() && !post[`${base}note${languageSuffixes[language]}`]?.trim());
    if (blank) continue;
    const name = readLocalized(post, `${base}name`, fields, { max: SERVICE_LINE_MAX, required: true });
    const noteGiven = languages.some((language) => post[`${base}note${languageSuffixes[language]}`]?.trim());
    const note = noteGiven ? readLocalized(post, `${base}note`, fields, { max: SERVICE_LINE_MAX, required: true }) : undefined;
    const copiesText = (post[`${base}copies`] ?? "").trim() || "1";
    const copies = /^\d{1,2}$/.test(copiesText) ? Number(copiesText) : 0;
    if (copies < 1) fields[`${base}copies`] = "invalid:service-material-copies";
    materials.push({ name, required: post[`${base}required`] === "yes", copies, ...(note ? { note } : {}) });
  }
  if (materials.length > SERVICE_LIST_MAX) fields["material-0-nameZhHans"] ??= "invalid:service-list-too-long";
  return materials;
}

function readDays(post: TServicePost, name: string, fields: TServiceFieldErrors): number {
  const text = (post[name] ?? "").trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : 0;
  if (days < 1 || days > SERVICE_LIMIT_MAX) fields[name] = "invalid:service-limit";
  return days;
}

function readContact(post: TServicePost, name: "address" | "hours" | "phone", fields: TServiceFieldErrors): string | null {
  const read = readPlainText(post[name], { max: name === "phone" ? 40 : 200, tooLong: name === "phone" ? "invalid:department-phone" : "invalid:service-text-too-long" });
  if (!read.ok) {
    fields[name] = read.code;
    return null;
  }
  // A telephone number as people write it: digits, spaces, +, -, parentheses and an extension ("转"), as a department's.
  if (name === "phone" && read.text !== "" && !/^[0-9+\-() 转,]{3,40}$/.test(read.text)) fields.phone = "invalid:department-phone";
  return read.text || null;
}

/** The guide fields in form order: the first refused one is the refusal's code. */
export const guideFieldOrder = [
  ...["name", "summary"].flatMap((base) => languages.map((language) => `${base}${languageSuffixes[language]}`)),
  "topic",
  "conditions",
  "materials",
  ...languages.map((language) => `fees${languageSuffixes[language]}`),
  "legalBasis",
  "legalLimitDays",
  "promisedLimitDays",
  "steps",
  "address",
  "hours",
  "phone",
];

/** The guide to keep as the draft, or each field's first problem. */
export function readServiceGuideInput(post: TServicePost): { ok: true; guide: TServiceGuide } | TServiceRefusal {
  const fields: TServiceFieldErrors = {};
  const name = readLocalized(post, "name", fields, { max: SERVICE_NAME_MAX, required: true });
  const summary = readLocalized(post, "summary", fields, { max: SERVICE_TEXT_MAX, required: true, multiline: true });
  const topic = (post.topic ?? "").trim();
  if (!isServiceTopic(topic)) fields.topic = "invalid:service-topic";
  const conditions = readList(post, "conditions", fields, true);
  const materials = readMaterials(post, fields);
  const fees = readLocalized(post, "fees", fields, { max: SERVICE_LINE_MAX, required: true });
  const legalBasis = readList(post, "legalBasis", fields, true);
  const legalLimitDays = readDays(post, "legalLimitDays", fields);
  const promisedLimitDays = readDays(post, "promisedLimitDays", fields);
  if (!fields.legalLimitDays && !fields.promisedLimitDays && promisedLimitDays > legalLimitDays) fields.promisedLimitDays = "invalid:service-promised-over-legal";
  const steps = readList(post, "steps", fields, false);
  const address = readContact(post, "address", fields);
  const hours = readContact(post, "hours", fields);
  const phone = readContact(post, "phone", fields);
  if (Object.keys(fields).length > 0) {
    const materialFields = Object.keys(fields).filter((field) => field.startsWith("material-")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    return refusal(fields, guideFieldOrder.flatMap((field) => (field === "materials" ? materialFields : [field])));
  }
  return { ok: true, guide: { name, summary, topic, conditions, materials, fees, legalBasis, legalLimitDays, promisedLimitDays, address, hours, phone, steps } };
}

/** A guide as the form's fields, to show it for editing (materials as rows 0…n-1). */
export function guideInputOf(guide: TServiceGuide): TServicePost {
  const post: TServicePost = {};
  const put = (base: string, text: TLocalizedText) => languages.forEach((language) => (post[`${base}${languageSuffixes[language]}`] = text[language]));
  const putList = (base: string, list: TLocalizedText[]) => languages.forEach((language) => (post[`${base}${languageSuffixes[language]}`] = list.map((item) => item[language]).join("\n")));
  put("name", guide.name);
  put("summary", guide.summary);
  post.topic = guide.topic;
  putList("conditions", guide.conditions);
  guide.materials.forEach((material, row) => {
    put(`material-${row}-name`, material.name);
    if (material.note) put(`material-${row}-note`, material.note);
    post[`material-${row}-required`] = material.required ? "yes" : "";
    post[`material-${row}-copies`] = String(material.copies);
  });
  put("fees", guide.fees);
  putList("legalBasis", guide.legalBasis);
  post.legalLimitDays = String(guide.legalLimitDays);
  post.promisedLimitDays = String(guide.promisedLimitDays);
  putList("steps", guide.steps);
  post.address = guide.address ?? "";
  post.hours = guide.hours ?? "";
  post.phone = guide.phone ?? "";
  return post;
}

export const newServiceFieldOrder = ["code", "nameZhHans", "nameZhHant", "nameEn", "departmentId", "applicantType", "kind"];

export type TNewService = { code: string; name: TLocalizedText; departmentId: string; applicantType: (typeof applicantTypes)[number]; kind: (typeof serviceKinds)[number] };

/** A new service's identity: code, name, department, who applies, instant or promised. */
export function readNewServiceInput(post: TServicePost): { ok: true; values: TNewService } | TServiceRefusal {
  const fields: TServiceFieldErrors = {};
  const code = (post.code ?? "").trim().toUpperCase();
  if (!catalogCodePattern.test(code) || !SERVICE_CODE.test(code)) fields.code = "invalid:service-code";
  const name = readLocalized(post, "name", fields, { max: SERVICE_NAME_MAX, required: true });
  const departmentId = (post.departmentId ?? "").trim().toLowerCase();
  if (!z.uuid().safeParse(departmentId).success) fields.departmentId = "invalid:service-department";
  const applicantType = applicantTypes.find((type) => type === post.applicantType);
  if (!applicantType) fields.applicantType = "invalid:service-applicant-type";
  const kind = serviceKinds.find((value) => value === post.kind);
  if (!kind) fields.kind = "invalid:service-kind";
  if (Object.keys(fields).length > 0 || !applicantType || !kind) return refusal(fields, newServiceFieldOrder);
  return { ok: true, values: { code, name, departmentId, applicantType, kind } };
}

/**
 * A service form's post, only its shape: each field a string (a file or a repeated field reads as empty), at most
 * 400 fields. The use case judges the values.
 */
export const ZServicePost = z
  .record(z.string().max(64), z.unknown())
  .refine((post) => Object.keys(post).length <= 400)
  .transform((post): TServicePost => Object.fromEntries(Object.entries(post).map(([key, value]) => [key, typeof value === "string" ? value : ""])));
