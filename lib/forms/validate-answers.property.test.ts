/**
 * Properties of the form engine over random posts against one definition that uses every field type, show-when
 * chains across pages, a computed field, a repeating group and cross-field rules.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "@/lib/forms/definition";
import { resolveFormLayout } from "@/lib/forms/layout";
import { validateAnswers, type TValidateOptions, type TValidationResult } from "@/lib/forms/validate-answers";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { regionLookup } from "@/lib/regions/regions";

const today = "2026-02-12";
const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });
const field = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ key, label: text(key), type, ...extra });
const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

const definition = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    {
      key: "applicant",
      title: text("Applicant"),
      sections: [
        {
          key: "who",
          fields: [
            field("name", "text", { required: true, maxLength: 10 }),
            field("idNumber", "id-number"),
            field("mobile", "phone"),
            field("email", "email"),
            field("creditCode", "uscc"),
            field("married", "yesno"),
            field("spouseName", "text", { showWhen: { "==": [{ var: "married" }, true] }, required: true }),
          ],
        },
      ],
    },
    {
      key: "business",
      title: text("Business"),
      sections: [
        {
          key: "shop",
          fields: [
            field("kind", "select", { options: options("restaurant", "cafe") }),
            field("size", "radio", { options: options("small", "large"), showWhen: { "==": [{ var: "kind" }, "restaurant"] } }),
            field("services", "checkbox-group", { options: options("food", "drink", "music"), maxSelected: 2 }),
            field("area", "number", { min: 0, max: 5000, step: 0.5 }),
            field("employees", "number", { integer: true, requiredWhen: { ">": [{ var: "area" }, 100] } }),
            field("rent", "money", { min: 0 }),
            field("yearlyRent", "money", { compute: { "*": [{ var: "rent" }, 12] } }),
            field("summary", "text", { compute: { cat: [{ var: "kind" }, " ", { var: "area" }] } }),
            field("opening", "date", { min: "today" }),
            field("lease", "date-range"),
            field("place", "region", { level: "county" }),
            field("address", "address", { showWhen: { "!!": { var: "place" } } }),
          ],
        },
      ],
    },
    {
      key: "signage",
      title: text("Signage"),
      showWhen: { ">": [{ var: "area" }, 50] },
      sections: [
        { key: "sign", fields: [field("hasSign", "yesno"), field("signArea", "number", { showWhen: { "==": [{ var: "hasSign" }, true] } })] },
      ],
    },
    {
      key: "people",
      title: text("People"),
      sections: [
        {
          key: "owners",
          showWhen: { "!=": [{ var: "size" }, "small"] },
          fields: [
            field("shareholders", "group", {
              itemLabel: text("shareholder"),
              maxItems: 3,
              fields: [
                field("holder", "text", { required: true }),
                field("share", "number", { min: 0, max: 100 }),
                field("foreign", "yesno"),
                field("passport", "text", { showWhen: { "==": [{ var: "foreign" }, true] } }),
                field("period", "date-range"),
                field("home", "region", { level: "city" }),
              ],
            }),
            field("plan", "material", { accept: ["application/pdf"], maxFiles: 2 }),
            field("truthful", "declaration", { required: true }),
          ],
        },
      ],
    },
  ],
  rules: [
    { key: "sharesAddUp", field: "shareholders", message: text("100"), rule: { "==": [{ reduce: [{ var: "shareholders" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] }, 100] } },
    { key: "signSmaller", field: "signArea", message: text("sign"), rule: { "<": [{ var: "signArea" }, { var: "area" }] } },
  ],
});

const fieldKeys = ["name", "idNumber", "mobile", "email", "creditCode", "married", "spouseName", "kind", "size", "services", "area", "employees", "rent", "yearlyRent", "summary", "opening", "lease", "place", "address", "hasSign", "signArea", "shareholders", "plan", "truthful"];

const scalar = fc.oneof(
  fc.constantFrom("", " ", "yes", "no", "true", "on", "0", "12", "60", "40", "2.5", "120", "abc", "1,234.50", "¥12.345", "restaurant", "cafe", "small", "large", "food", "music"),
  fc.constantFrom("2026-03-01", "2026-02-30", "13800138000", "11010519491231002X", "11010519491231002x", "91310104MA1FL8XQ36", "91310104MA1FL8XQ37", "a@example.cn", "310115", "440300", "441900", "999999"),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.integer({ min: -1000, max: 1000 }),
);
const region = fc.oneof(scalar, fc.record({ province: fc.constantFrom("", "310000", "440000", "x"), city: fc.constantFrom("", "310115", "440300", "441900"), county: fc.constantFrom("", "440305", "310104") }, { requiredKeys: [] }));
const fileRef = fc.record(
  {
    kind: fc.constantFrom("file", "licence", "other"),
    fileId: fc.constantFrom("0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00", "1b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00", "nope"),
    name: fc.constantFrom("a.pdf", " ", "计划书.pdf"),
    mediaType: fc.constantFrom("application/pdf", "image/png"),
    size: fc.oneof(fc.integer({ min: -1, max: 20_000_000 }), fc.constant("12")),
    licenceId: fc.constant("7f3c2a10-5b4e-4d6a-8c9f-1e2d3c4b5a60"),
  },
  { requiredKeys: [] },
);
const item = fc.record(
  { holder: scalar, share: scalar, foreign: scalar, passport: scalar, period: fc.record({ from: scalar, to: scalar }, { requiredKeys: [] }), home: region },
  { requiredKeys: [] },
);
/** Plausible shapes for each field, mixed with arbitrary JSON: what a browser, an API client or an attacker sends. */
const valueFor: Record<string, fc.Arbitrary<unknown>> = {
  services: fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })),
  lease: fc.record({ from: scalar, to: scalar }, { requiredKeys: [] }),
  place: region,
  address: fc.record({ region, detail: scalar }, { requiredKeys: [] }),
  shareholders: fc.oneof(fc.array(item, { maxLength: 5 }), fc.dictionary(fc.constantFrom("0", "1", "2", "3", "7", "01", "x"), item, { maxKeys: 5 })),
  plan: fc.oneof(fc.array(fc.oneof(fileRef, scalar), { maxLength: 3 }), fc.dictionary(fc.constantFrom("0", "1"), fileRef)),
};
const junk = fc.oneof({ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 3, arbitrary: scalar });
const rawValue = (key: string) => (valueFor[key] ? fc.oneof({ weight: 3, arbitrary: valueFor[key] }, { weight: 1, arbitrary: junk }) : junk);
const rawAnswers = fc
  .tuple(
    fc.record(Object.fromEntries(fieldKeys.map((key) => [key, rawValue(key)])), { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }),
  )
  .map(([known, unknown]) => ({ ...unknown, ...known }) as Record<string, unknown>);

/** Valid answers for most fields, some left out: posts that get far enough for the group and the rules to run. */
const validFile = { kind: "file", fileId: "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00", name: "计划书.pdf", mediaType: "application/pdf", size: 2048 };
const validFor: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom("张三", "Li Si"),
  idNumber: fc.constant("11010519491231002X"),
  mobile: fc.constant("138 0013 8000"),
  email: fc.constant("a@example.cn"),
  creditCode: fc.constant("91310104MA1FL8XQ36"),
  married: fc.constantFrom("yes", "no"),
  spouseName: fc.constant("李四"),
  kind: fc.constantFrom("restaurant", "cafe"),
  size: fc.constantFrom("small", "large"),
  services: fc.constantFrom("food", ["food", "drink"]),
  area: fc.constantFrom("20", "60", "120.5", "800"),
  employees: fc.constantFrom("3", "12"),
  rent: fc.constantFrom("1,200.50", "¥800"),
  opening: fc.constant("2026-03-01"),
  lease: fc.constant({ from: "2026-03-01", to: "2027-02-28" }),
  place: fc.constantFrom("310115", { province: "310000", city: "310104" }, { province: "440000", city: "441900" }),
  address: fc.constant({ region: { province: "310000", city: "310115" }, detail: "世纪大道 1 号" }),
  hasSign: fc.constantFrom("yes", "no"),
  signArea: fc.constantFrom("2", "100"),
  shareholders: fc.constantFrom(
    [{ holder: "甲", share: "60" }, { holder: "乙", share: "40", home: { province: "310000" } }],
    { "0": { holder: "甲", share: "100", foreign: "yes", passport: "E123", period: { from: "2026-01-01", to: "2026-12-31" } } },
    [{ holder: "甲", share: "50" }],
  ),
  plan: fc.constant([validFile]),
  truthful: fc.constantFrom("on", "yes"),
};
const plausibleAnswers = fc.record(validFor, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
const anyAnswers = fc.oneof(rawAnswers, plausibleAnswers);

const runs = { numRuns: 300 };
const settings: TValidateOptions[] = [{ today }, { today, regions: regionLookup }];

/** What a layout shows: pages, sections, fields and whether each is required; a group's items only when given. */
function shapeOf(raw: Record<string, unknown>, options: TValidateOptions, groupsGiven: Record<string, unknown>) {
  const layout = resolveFormLayout(definition, raw, options);
  const givenGroup = (path: string) => path.split(".")[0] in groupsGiven;
  return {
    pages: layout.pages.map(({ page, sections }) => [page.key, sections.map(({ section, fields }) => [section.key, fields.map((field) => field.key)])]),
    required: layout.required.filter((path) => !path.includes(".") || givenGroup(path)),
    items: Object.entries(layout.items).filter(([key]) => givenGroup(key)),
  };
}

const visibleKeys = (raw: Record<string, unknown>, options: TValidateOptions) =>
  resolveFormLayout(definition, raw, options).pages.flatMap(({ sections }) => sections.flatMap(({ fields }) => fields.map((field) => field.key)));

const hasTooManyItems = (result: TValidationResult) => Object.values(result.errors).some((error) => error.code === "too-many-items");

describe("validateAnswers and resolveFormLayout, on any post", () => {
  it("never throw, and give plain JSON", () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(undefined, "applicant", "people", "nowhere"), fc.constantFrom(...settings), (raw, pageKey, options) => {
        const result = validateAnswers(definition, raw, { ...options, pageKey });
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(result.ok).toBe(Object.keys(result.errors).length === 0);
        resolveFormLayout(definition, raw, options);
      }),
      runs,
    );
  });

  it("answer and report only visible fields", () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...settings), (raw, options) => {
        const result = validateAnswers(definition, raw, options);
        const visible = new Set(visibleKeys(raw, options));
        for (const key of Object.keys(result.answers)) expect(visible.has(key), key).toBe(true);
        for (const key of Object.keys(result.keep)) expect(visible.has(key), key).toBe(true);
        for (const path of Object.keys(result.errors)) expect(visible.has(path.split(".")[0]), path).toBe(true);
      }),
      runs,
    );
  });

  it("store in keep what re-validates to the same result", () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...settings), (raw, options) => {
        const first = validateAnswers(definition, raw, options);
        const again = validateAnswers(definition, first.keep, options);
        // Items past maxItems are not stored, so that one error is resolved by storing; the rest must hold.
        if (hasTooManyItems(first)) {
          expect(hasTooManyItems(again)).toBe(false);
          expect(validateAnswers(definition, again.keep, options)).toEqual(again);
          return;
        }
        expect(again).toEqual(first);
      }),
      runs,
    );
  });

  it("show the same fields for the posted strings as for the typed answers (browser and server agree)", () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...settings), (raw, options) => {
        const { answers } = validateAnswers(definition, raw, options);
        // An invalid group is not among the answers, so its items can only be compared when it is valid.
        expect(shapeOf(answers, options, answers)).toEqual(shapeOf(raw, options, answers));
        expect(validateAnswers(definition, answers, options).answers).toEqual(answers);
      }),
      runs,
    );
  });

  it("accept often enough that the properties above are not vacuous", () => {
    let accepted = 0;
    let withGroup = 0;
    fc.assert(
      fc.property(plausibleAnswers, (raw) => {
        const result = validateAnswers(definition, raw, { today, regions: regionLookup });
        if (result.ok) accepted += 1;
        if (Array.isArray(result.answers.shareholders)) withGroup += 1;
      }),
      runs,
    );
    expect(accepted).toBeGreaterThan(10);
    expect(withGroup).toBeGreaterThan(3);
  });
});

/** Any code point — NUL, escapes, bidi overrides, lone surrogates — where a person would type text. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.tuple(fc.constantFrom("张三", "a.pdf", "310115"), fc.constantFrom("\u0000", "\u001b[31m", "\u202e", "\u2066", "\ud800", "\r\n", "\t", "\u0085")).map(([text, bad]) => `${text}${bad}${text}`),
);
const hostileAnswers = fc.record(
  {
    name: hostileText,
    spouseName: hostileText,
    married: fc.constant("yes"),
    kind: fc.constant("restaurant"),
    place: fc.constant("310115"),
    address: fc.record({ region: fc.constant("310115"), detail: hostileText }),
    lease: fc.record({ from: hostileText, to: hostileText }),
    services: fc.array(hostileText, { maxLength: 3 }),
    shareholders: fc.array(fc.record({ holder: hostileText, passport: hostileText, foreign: fc.constant("yes") }), { maxLength: 2 }),
    plan: fc.array(fc.record({ kind: fc.constant("file"), fileId: fc.constant(validFile.fileId), name: hostileText, mediaType: fc.constant("application/pdf"), size: fc.constant(2048) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
/** What PostgreSQL's jsonb refuses, as JSON.stringify writes it: NUL, and a lone surrogate (escaped as \udXXX). */
const unstorable = /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;

describe("validateAnswers on hostile text", () => {
  it("keeps nothing jsonb refuses, and answers no control, bidi or stray line-break character", () => {
    fc.assert(
      fc.property(hostileAnswers, (raw) => {
        const result = validateAnswers(definition, raw, { today, regions: regionLookup });
        expect(JSON.stringify(result.keep)).not.toMatch(unstorable);
        expect(JSON.stringify(result.answers)).not.toMatch(unstorable);
        expect(JSON.stringify(result.answers)).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|[\u0080-\u009f\u202a-\u202e\u2066-\u2069]|\\r|\\t|\\n/);
      }),
      { numRuns: 1000 },
    );
  });
});
