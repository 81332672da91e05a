/**
 * What an admin writes into a service's decision settings (TServiceDecisions), checked at the use case's boundary.
 * Each refusal is an error code on the field it is about, with a detail (a path, a field key) to show beside it; zod's
 * own words never reach the admin: its issues are mapped to a few messages that say what the setting must look like.
 *
 * The review body and court are three-language texts (all three empty: the department's). The instant check is a
 * json-logic rule checked as a bundle's routing rule is (lib/forms/routing-rule.ts) and a three-language reason. The
 * commitment rule and the licence template are JSON, checked with their zod schemas and against the service's form.
 */
import type { z } from "zod";
import type { TService, TServiceDecisions, TServiceKind } from "@/db/schema";
import type { TLogicRule } from "@/lib/forms/logic";
import { parseRoutingRule } from "@/lib/forms/routing-rule";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZLicenceTemplate, type TLicenceTemplate } from "@/lib/licences/licence-template";
import { readPlainText } from "@/lib/text/plain-text";
import { ZCommitmentRule, type TCommitmentRule } from "@/lib/workflow/commitment";
import type { TErrorCode } from "@/server/errors";
import { languageSuffixes, type TServicePost } from "./service-input";

export const DECISION_TEXT_MAX = 200;
export const DECISION_JSON_MAX_CHARS = 20_000;

const languages = Object.keys(languageSuffixes) as (keyof typeof languageSuffixes)[];

export type TDecisionsRefusal = { ok: false; code: TErrorCode; fields: Record<string, TErrorCode>; details: Record<string, string> };

/** The settings' fields in form order: the first refused one is the refusal's code. */
export const decisionFieldOrder = [
  ...["reviewBody", "court"].flatMap((base) => languages.map((language) => `${base}${languageSuffixes[language]}`)),
  "instantRule",
  ...languages.map((language) => `instantReason${languageSuffixes[language]}`),
  "commitment",
  "licenceTemplate",
];

/** A service's decision settings as its columns hold them now. */
export function decisionsOf(service: Pick<TService, keyof TServiceDecisions>): TServiceDecisions {
  return { reviewBody: service.reviewBody, court: service.court, instantCheck: service.instantCheck, commitment: service.commitment, licenceTemplate: service.licenceTemplate };
}

/** The settings' keys in the order their schemas give them; jsonb keeps no order (it sorts by length). */
const keyOrder = ["type", "title", "numberPrefix", "validityMonths", "fields", "key", "label", "from", "answer", "field", "value", "inspectionDays", "zh-Hans", "zh-Hant", "en"];

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== "object") return value;
  const rank = (key: string) => (keyOrder.includes(key) ? keyOrder.indexOf(key) : keyOrder.length);
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => rank(a) - rank(b)).map(([key, item]) => [key, ordered(item)]));
}

/** JSON as the admin reads it in a textarea: in the schema's order, two spaces an indent; null as an empty box. */
export function prettyJson(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(ordered(value), null, 2);
}

/** The settings as the form's fields, to show them for editing. */
export function decisionsInputOf(decisions: TServiceDecisions): TServicePost {
  const post: TServicePost = {};
  const put = (base: string, text: TLocalizedText | null | undefined) => languages.forEach((language) => (post[`${base}${languageSuffixes[language]}`] = text?.[language] ?? ""));
  put("reviewBody", decisions.reviewBody);
  put("court", decisions.court);
  post.instantRule = prettyJson(decisions.instantCheck?.rule);
  put("instantReason", decisions.instantCheck?.reason);
  post.commitment = prettyJson(decisions.commitment);
  post.licenceTemplate = prettyJson(decisions.licenceTemplate);
  return post;
}

/** A three-language text that is given in all three languages or in none (null). */
function readOptionalText(post: TServicePost, base: string, fields: Record<string, TErrorCode>, partial: TErrorCode): TLocalizedText | null {
  const text = { "zh-Hans": "", "zh-Hant": "", en: "" };
  for (const language of languages) {
    const name = `${base}${languageSuffixes[language]}`;
    const read = readPlainText(post[name], { max: DECISION_TEXT_MAX, tooLong: "invalid:service-text-too-long" });
    if (read.ok) text[language] = read.text;
    else fields[name] = read.code;
  }
  const given = languages.filter((language) => text[language] !== "");
  if (given.length === 0) return null;
  if (given.length < languages.length) {
    for (const language of languages) if (text[language] === "") fields[`${base}${languageSuffixes[language]}`] ??= partial;
  }
  return text;
}

/** The JSON in a textarea: empty is none (null). */
function readJson(text: string | undefined): { ok: true; value: unknown } | { ok: false; code: TErrorCode; detail: string } {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { ok: true, value: null };
  if (trimmed.length > DECISION_JSON_MAX_CHARS) return { ok: false, code: "invalid:service-settings-too-long", detail: "" };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, code: "invalid:service-settings-object", detail: "" };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, code: "invalid:service-settings-json", detail: (error as Error).message };
  }
}

/** Where a zod issue is, as the admin would find it in the JSON: fields.0.from. */
function pathOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") return [path, issue.keys.join(", ")].filter(Boolean).join(": ");
  return path;
}

/** The first zod issue as one of a few messages: an unknown key, or what the named part must be. */
function commitmentProblem(issue: z.core.$ZodIssue): TErrorCode {
  if (issue.code === "unrecognized_keys") return "invalid:service-settings-unknown-key";
  if (issue.path[0] === "inspectionDays") return "invalid:service-commitment-days";
  if (issue.path[0] === "value") return "invalid:service-commitment-value";
  return "invalid:service-commitment-field";
}

function licenceProblem(issue: z.core.$ZodIssue): TErrorCode {
  if (issue.code === "unrecognized_keys") return "invalid:service-settings-unknown-key";
  switch (issue.path[0]) {
    case "type":
      return "invalid:licence-template-type";
    case "title":
      return "invalid:licence-template-title";
    case "numberPrefix":
      return "invalid:licence-template-prefix";
    case "validityMonths":
      return "invalid:licence-template-validity";
    default:
      return "invalid:licence-template-fields";
  }
}

/**
 * The answer keys a licence template prints. Each field's keys are alternatives (a bundle may ask a datum under
 * another key): at least one must be a field of the service's form, or the datum would always print empty.
 */
/**
 * Items that would print a sensitive answer (health, income, a criminal record …) on the licence, which its holder
 * hands to others and anyone can check at /verify: refused. Personal numbers are not among them: a licence prints
 * them masked and carries only their keyed hashes (server/licences/licence-hash-key.ts).
 */
function sensitiveLicenceFields(template: TLicenceTemplate, hiddenKeys: ReadonlySet<string>): string[] {
  return template.fields.flatMap((field) => ("answer" in field.from ? field.from.answer.filter((key) => hiddenKeys.has(key)) : []));
}

function unreadLicenceFields(template: TLicenceTemplate, fieldKeys: ReadonlySet<string>): string[] {
  return template.fields.flatMap((field) => ("answer" in field.from && !field.from.answer.some((key) => fieldKeys.has(key)) ? [field.from.answer.join(" / ")] : []));
}

/**
 * The settings to keep in the draft, or each field's first problem. `kind` is the service's: only an instant service
 * has an instant check. `fieldKeys` are the fields of the service's latest form version (none without a form), which
 * every rule and template must name; `hiddenKeys` those of its fields whose answers staff see hidden whole
 * (lib/forms/mask-staff-answer.ts), which no licence may print.
 */
export function readServiceDecisionsInput(
  post: TServicePost,
  { kind, fieldKeys, hiddenKeys = new Set() }: { kind: TServiceKind; fieldKeys: ReadonlySet<string>; hiddenKeys?: ReadonlySet<string> },
): { ok: true; decisions: TServiceDecisions } | TDecisionsRefusal {
  const fields: Record<string, TErrorCode> = {};
  const details: Record<string, string> = {};
  const reviewBody = readOptionalText(post, "reviewBody", fields, "invalid:service-remedy-partial");
  const court = readOptionalText(post, "court", fields, "invalid:service-remedy-partial");

  let instantCheck: TServiceDecisions["instantCheck"] = null;
  const ruleText = post.instantRule ?? "";
  const reasonGiven = languages.some((language) => (post[`instantReason${languageSuffixes[language]}`] ?? "").trim() !== "");
  if (kind !== "instant") {
    // A promised service's task always goes to a clerk: an instant check there would never run.
    if (ruleText.trim() !== "" || reasonGiven) fields.instantRule = "invalid:service-instant-not-instant";
  } else {
    const parsed = parseRoutingRule(ruleText, fieldKeys);
    if (!parsed.ok) {
      fields.instantRule = parsed.problem === "json" ? "invalid:service-rule-json" : parsed.problem === "shape" ? "invalid:service-rule" : "invalid:service-rule-field";
      details.instantRule = parsed.detail;
    }
    const rule: TLogicRule | null = parsed.ok ? parsed.rule : null;
    if (parsed.ok && rule === null && reasonGiven) fields.instantRule = "invalid:service-instant-rule-missing";
    if (ruleText.trim() !== "") {
      const reason = readOptionalText(post, "instantReason", fields, "invalid:service-instant-reason");
      if (reason === null) for (const language of languages) fields[`instantReason${languageSuffixes[language]}`] ??= "invalid:service-instant-reason";
      if (rule !== null && reason !== null) instantCheck = { rule, reason };
    }
  }

  let commitment: TCommitmentRule | null = null;
  const commitmentJson = readJson(post.commitment);
  if (!commitmentJson.ok) {
    fields.commitment = commitmentJson.code;
    if (commitmentJson.detail) details.commitment = commitmentJson.detail;
  } else if (commitmentJson.value !== null) {
    const parsed = ZCommitmentRule.strict().safeParse(commitmentJson.value);
    if (!parsed.success) {
      fields.commitment = commitmentProblem(parsed.error.issues[0]);
      details.commitment = pathOf(parsed.error.issues[0]);
    } else if (!fieldKeys.has(parsed.data.field)) {
      fields.commitment = "invalid:service-form-field";
      details.commitment = parsed.data.field;
    } else commitment = parsed.data;
  }

  let licenceTemplate: TLicenceTemplate | null = null;
  const licenceJson = readJson(post.licenceTemplate);
  if (!licenceJson.ok) {
    fields.licenceTemplate = licenceJson.code;
    if (licenceJson.detail) details.licenceTemplate = licenceJson.detail;
  } else if (licenceJson.value !== null) {
    const parsed = ZLicenceTemplate.safeParse(licenceJson.value);
    if (!parsed.success) {
      fields.licenceTemplate = licenceProblem(parsed.error.issues[0]);
      details.licenceTemplate = pathOf(parsed.error.issues[0]);
    } else {
      const unread = unreadLicenceFields(parsed.data, fieldKeys);
      const sensitive = sensitiveLicenceFields(parsed.data, hiddenKeys);
      if (unread.length > 0) {
        fields.licenceTemplate = "invalid:service-form-field";
        details.licenceTemplate = unread.join(", ");
      } else if (sensitive.length > 0) {
        fields.licenceTemplate = "invalid:licence-template-sensitive";
        details.licenceTemplate = sensitive.join(", ");
      } else licenceTemplate = parsed.data;
    }
  }

  if (Object.keys(fields).length > 0) {
    const first = decisionFieldOrder.find((field) => fields[field]) ?? Object.keys(fields)[0];
    return { ok: false, code: fields[first], fields, details };
  }
  return { ok: true, decisions: { reviewBody, court, instantCheck, commitment, licenceTemplate } };
}
