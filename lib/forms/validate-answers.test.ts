import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { listVisibleFields, validateAnswers, type TValidationResult } from "@/lib/forms/validate-answers";
import type { TLocalizedText } from "@/lib/i18n/locales";

const today = "2026-02-12";
const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });

/** A one-page definition, parsed so that defaults (required: false, maxLength …) are filled in. */
function defineForm(fields: Record<string, unknown>[]): TFormDefinition {
  return ZFormDefinition.parse({
    schemaVersion: 1,
    pages: [
      {
        key: "main",
        sections: [{ key: "only", fields: fields.map((field) => ({ label: text(String(field.key)), ...field })) }],
      },
    ],
  });
}

function validate(definition: TFormDefinition, raw: Record<string, unknown>): TValidationResult {
  return validateAnswers(definition, raw, { today });
}

function expectError(definition: TFormDefinition, raw: Record<string, unknown>, key: string) {
  const result = validate(definition, raw);
  if (result.ok) throw new Error(`expected an error for ${key}, got ${JSON.stringify(result.answers)}`);
  return expect(result.errors[key]);
}

describe("text and textarea", () => {
  const form = defineForm([
    { key: "name", type: "text", required: true, maxLength: 5 },
    { key: "note", type: "textarea" },
  ]);

  it("trims and stores the text", () => {
    expect(validate(form, { name: "  张三  ", note: " 多行\n说明 " })).toEqual({
      ok: true,
      answers: { name: "张三", note: "多行\n说明" },
    });
  });

  it("enforces maxLength in characters, not UTF-16 units", () => {
    expect(validate(form, { name: "一二三四五" }).ok).toBe(true);
    expect(validate(form, { name: "𠀀𠀀𠀀𠀀𠀀" }).ok).toBe(true); // five characters outside the BMP
    expectError(form, { name: "一二三四五六" }, "name").toEqual({ code: "too-long", params: { max: 5 } });
  });

  it("applies the default maxLength", () => {
    expectError(form, { name: "x", note: "a".repeat(2001) }, "note").toEqual({ code: "too-long", params: { max: 2000 } });
  });

  it("requires a non-blank value when required", () => {
    for (const name of [undefined, null, "", "   "]) {
      expectError(form, { name }, "name").toEqual({ code: "required" });
    }
  });

  it("accepts a JSON number as its text and ignores junk", () => {
    expect(validate(form, { name: 12 })).toEqual({ ok: true, answers: { name: "12" } });
    expectError(form, { name: { first: "张" } }, "name").toEqual({ code: "required" });
    expect(validate(form, { name: "x", note: ["a"] })).toEqual({ ok: true, answers: { name: "x" } });
  });
});

describe("number", () => {
  const form = defineForm([
    { key: "area", type: "number", min: 1, max: 10000 },
    { key: "employees", type: "number", integer: true, min: 0 },
  ]);

  it("parses decimal strings and JSON numbers", () => {
    expect(validate(form, { area: "12.5", employees: "3" })).toEqual({ ok: true, answers: { area: 12.5, employees: 3 } });
    expect(validate(form, { area: 80, employees: 0 })).toEqual({ ok: true, answers: { area: 80, employees: 0 } });
    expect(validate(form, { area: " 1e3 " })).toEqual({ ok: true, answers: { area: 1000 } });
    expect(validate(form, { area: "１２．５" })).toEqual({ ok: true, answers: { area: 12.5 } });
    expect(validate(form, { employees: "-0" })).toEqual({ ok: true, answers: { employees: 0 } });
  });

  it("rejects what is not a plain decimal number", () => {
    for (const area of ["abc", "12abc", "0x10", "Infinity", "1,000", "12 5", true, Number.NaN, Number.POSITIVE_INFINITY, {}, [1]]) {
      expectError(form, { area }, "area").toEqual({ code: "not-a-number" });
    }
  });

  it("enforces integer, min and max", () => {
    expectError(form, { employees: "2.5" }, "employees").toEqual({ code: "not-an-integer" });
    expectError(form, { employees: -1 }, "employees").toEqual({ code: "too-small", params: { min: 0 } });
    expectError(form, { area: "0.5" }, "area").toEqual({ code: "too-small", params: { min: 1 } });
    expectError(form, { area: "10000.01" }, "area").toEqual({ code: "too-large", params: { max: 10000 } });
    expect(validate(form, { area: "10000", employees: "0" }).ok).toBe(true);
  });

  it("omits an empty optional number", () => {
    expect(validate(form, { area: "", employees: " " })).toEqual({ ok: true, answers: {} });
  });
});

describe("date", () => {
  const form = defineForm([
    { key: "openingDate", type: "date", min: "today" },
    { key: "birthDate", type: "date", max: "today", min: "1900-01-01" },
    { key: "sloppy", type: "date", min: "not a date" },
  ]);

  it("accepts real ISO dates within the bounds", () => {
    expect(validate(form, { openingDate: "2026-02-12", birthDate: "1990-03-07", sloppy: "1800-01-01" })).toEqual({
      ok: true,
      answers: { openingDate: "2026-02-12", birthDate: "1990-03-07", sloppy: "1800-01-01" },
    });
  });

  it("rejects malformed and impossible dates", () => {
    for (const openingDate of ["2026-02-30", "2026/03/01", "2026-3-1", "tomorrow", 20260301, true]) {
      expectError(form, { openingDate }, "openingDate").toEqual({ code: "invalid-date" });
    }
  });

  it("resolves 'today' from the options", () => {
    expectError(form, { openingDate: "2026-02-11" }, "openingDate").toEqual({
      code: "date-too-early",
      params: { min: "2026-02-12" },
    });
    expectError(form, { birthDate: "2026-02-13" }, "birthDate").toEqual({
      code: "date-too-late",
      params: { max: "2026-02-12" },
    });
    expectError(form, { birthDate: "1899-12-31" }, "birthDate").toEqual({
      code: "date-too-early",
      params: { min: "1900-01-01" },
    });
    expect(validateAnswers(form, { openingDate: "2026-02-11" }, { today: "2026-02-10" }).ok).toBe(true);
  });
});

describe("select", () => {
  const form = defineForm([
    {
      key: "district",
      type: "select",
      required: true,
      options: [
        { value: "gulou", label: text("Gulou") },
        { value: "2", label: text("Two") },
      ],
    },
  ]);

  it("accepts only option values", () => {
    expect(validate(form, { district: "gulou" })).toEqual({ ok: true, answers: { district: "gulou" } });
    expect(validate(form, { district: " gulou " })).toEqual({ ok: true, answers: { district: "gulou" } });
    expect(validate(form, { district: 2 })).toEqual({ ok: true, answers: { district: "2" } });
    for (const district of ["Gulou", "taijiang", "Gulou district", true, ["gulou"], { value: "gulou" }]) {
      expectError(form, { district }, "district").toEqual({ code: "invalid-option" });
    }
  });
});

describe("yesno", () => {
  const form = defineForm([{ key: "hasOutdoorSign", type: "yesno", required: true }]);

  it("reads radio strings and JSON booleans", () => {
    for (const [raw, value] of [["yes", true], ["no", false], ["true", true], ["false", false], [" YES ", true], [true, true], [false, false]] as const) {
      expect(validate(form, { hasOutdoorSign: raw }), String(raw)).toEqual({ ok: true, answers: { hasOutdoorSign: value } });
    }
  });

  it("counts false as an answer for a required question", () => {
    expect(validate(form, { hasOutdoorSign: "no" }).ok).toBe(true);
    expectError(form, { hasOutdoorSign: "" }, "hasOutdoorSign").toEqual({ code: "required" });
  });

  it("rejects anything else", () => {
    for (const hasOutdoorSign of ["on", "1", "是", 1, 0, {}, []]) {
      expectError(form, { hasOutdoorSign }, "hasOutdoorSign").toEqual({ code: "invalid-yesno" });
    }
  });
});

describe("phone", () => {
  const form = defineForm([{ key: "mobile", type: "phone", required: true }]);

  it("stores the normalized 11 digits", () => {
    expect(validate(form, { mobile: "+86 138-0013-8000" })).toEqual({ ok: true, answers: { mobile: "13800138000" } });
  });

  it("rejects invalid numbers and junk", () => {
    for (const mobile of ["12800138000", "010-12345678", "1380013800", 13800138000.5, true, { n: 1 }]) {
      expectError(form, { mobile }, "mobile").toEqual({ code: "invalid-mobile" });
    }
  });
});

describe("id-number", () => {
  const form = defineForm([{ key: "idNumber", type: "id-number", required: true }]);

  it("stores the normalized number", () => {
    expect(validate(form, { idNumber: " 11010519491231002x " })).toEqual({
      ok: true,
      answers: { idNumber: "11010519491231002X" },
    });
  });

  it("tells a malformed number from a wrong check digit", () => {
    expectError(form, { idNumber: "1101051949123100" }, "idNumber").toEqual({ code: "invalid-id-number" });
    expectError(form, { idNumber: "110105194902300021" }, "idNumber").toEqual({ code: "invalid-id-number" }); // 30 Feb
    expectError(form, { idNumber: "110105202602130021" }, "idNumber").toEqual({ code: "invalid-id-number" }); // after today
    expectError(form, { idNumber: "110105194912310021" }, "idNumber").toEqual({ code: "invalid-id-checksum" });
    expectError(form, { idNumber: [] }, "idNumber").toEqual({ code: "invalid-id-number" });
  });
});

describe("show-when", () => {
  const form = defineForm([
    { key: "hasOutdoorSign", type: "yesno", required: true },
    {
      key: "signArea",
      type: "number",
      required: true,
      showWhen: { "==": [{ var: "hasOutdoorSign" }, true] },
    },
    { key: "signLit", type: "yesno", showWhen: { ">": [{ var: "signArea" }, 0] } },
    { key: "lightingHours", type: "text", required: true, showWhen: { "==": [{ var: "signLit" }, true] } },
  ]);

  it("validates a shown field", () => {
    expectError(form, { hasOutdoorSign: "yes" }, "signArea").toEqual({ code: "required" });
    expect(validate(form, { hasOutdoorSign: "yes", signArea: "4.5" })).toEqual({
      ok: true,
      answers: { hasOutdoorSign: true, signArea: 4.5 },
    });
  });

  it("neither validates nor stores a hidden field, even when a value is posted", () => {
    const result = validate(form, { hasOutdoorSign: "no", signArea: "abc", signLit: "maybe", lightingHours: "all night" });
    expect(result).toEqual({ ok: true, answers: { hasOutdoorSign: false } });
  });

  it("hides a field whose controlling field is itself hidden", () => {
    // signLit = yes would show lightingHours, but signLit is hidden because hasOutdoorSign is no.
    const result = validate(form, { hasOutdoorSign: "no", signArea: "10", signLit: "yes" });
    expect(result).toEqual({ ok: true, answers: { hasOutdoorSign: false } });
    expect(listVisibleFields(form, { hasOutdoorSign: "no", signArea: "10", signLit: "yes" }).map((f) => f.key)).toEqual([
      "hasOutdoorSign",
    ]);
  });

  it("shows the whole chain when every link holds", () => {
    const raw = { hasOutdoorSign: "yes", signArea: "10", signLit: "yes" };
    expectError(form, raw, "lightingHours").toEqual({ code: "required" });
    expect(listVisibleFields(form, raw).map((f) => f.key)).toEqual(["hasOutdoorSign", "signArea", "signLit", "lightingHours"]);
    expect(validate(form, { ...raw, lightingHours: "18:00–23:00" }).ok).toBe(true);
  });

  it("treats an invalid controlling answer as unanswered", () => {
    const raw = { hasOutdoorSign: "yes", signArea: "big", signLit: "yes" };
    const result = validate(form, raw);
    expect(result).toEqual({
      ok: false,
      errors: { signArea: { code: "not-a-number" } },
      answers: { hasOutdoorSign: true, signArea: "big" },
    });
    expect(listVisibleFields(form, raw).map((f) => f.key)).toEqual(["hasOutdoorSign", "signArea"]);
  });

  it("lists visible fields from typed answers as well as posted strings", () => {
    expect(listVisibleFields(form, { hasOutdoorSign: true, signArea: 2 }).map((f) => f.key)).toEqual([
      "hasOutdoorSign",
      "signArea",
      "signLit",
    ]);
    expect(listVisibleFields(form, {}).map((f) => f.key)).toEqual(["hasOutdoorSign"]);
  });

  it("hides a field whose rule is not allowed rather than failing", () => {
    const broken = defineForm([
      { key: "a", type: "text" },
      { key: "b", type: "text", required: true, showWhen: { method: [{ var: "a" }, "toString"] } },
    ]);
    expect(validate(broken, { a: "x", b: "y" })).toEqual({ ok: true, answers: { a: "x" } });
  });

  it("walks fields across pages and sections in reading order", () => {
    const multi = ZFormDefinition.parse({
      schemaVersion: 1,
      pages: [
        { key: "one", sections: [{ key: "s", fields: [{ key: "married", label: text("m"), type: "yesno" }] }] },
        {
          key: "two",
          sections: [
            {
              key: "spouse",
              fields: [
                {
                  key: "spouseName",
                  label: text("n"),
                  type: "text",
                  required: true,
                  showWhen: { "==": [{ var: "married" }, true] },
                },
              ],
            },
          ],
        },
      ],
    });
    expectError(multi, { married: "yes" }, "spouseName").toEqual({ code: "required" });
    expect(validate(multi, { married: "no", spouseName: "x" })).toEqual({ ok: true, answers: { married: false } });
  });
});

describe("answers on failure and unknown keys", () => {
  const form = defineForm([
    { key: "name", type: "text", required: true },
    { key: "area", type: "number", max: 100 },
    { key: "mobile", type: "phone" },
    { key: "constructor", type: "text" },
  ]);

  it("drops keys the definition does not know", () => {
    expect(validate(form, { name: "张三", isAdmin: "yes", __proto__: { polluted: true } })).toEqual({
      ok: true,
      answers: { name: "张三" },
    });
  });

  it("drops an own __proto__ key from JSON without touching prototypes", () => {
    const raw = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const result = validate(form, raw);
    expect(result).toEqual({ ok: true, answers: { name: "x" } });
    expect(Object.getPrototypeOf(result.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does not read inherited properties as answers", () => {
    expect(validate(form, Object.create({ name: "inherited" }) as Record<string, unknown>)).toEqual({
      ok: false,
      errors: { name: { code: "required" } },
      answers: {},
    });
    expect(validate(form, { name: "x" })).toEqual({ ok: true, answers: { name: "x" } });
  });

  it("returns valid values coerced and invalid ones as posted", () => {
    const result = validate(form, { name: "  张三 ", area: "150", mobile: "138 0013", extra: "x" });
    expect(result).toEqual({
      ok: false,
      errors: { area: { code: "too-large", params: { max: 100 } }, mobile: { code: "invalid-mobile" } },
      answers: { name: "张三", area: "150", mobile: "138 0013" },
    });
  });

  it("leaves junk out of the echoed answers", () => {
    const result = validate(form, { area: { value: 1 }, mobile: [1, 2] });
    expect(result).toEqual({
      ok: false,
      errors: { name: { code: "required" }, area: { code: "not-a-number" }, mobile: { code: "invalid-mobile" } },
      answers: {},
    });
  });

  it("survives a raw value that is not an object at all", () => {
    expect(validate(form, null as unknown as Record<string, unknown>)).toEqual({
      ok: false,
      errors: { name: { code: "required" } },
      answers: {},
    });
  });
});

describe("properties", () => {
  const form = defineForm([
    { key: "hasOutdoorSign", type: "yesno" },
    { key: "signArea", type: "number", min: 0, max: 500, showWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
    { key: "signLit", type: "yesno", showWhen: { ">": [{ var: "signArea" }, 0] } },
    { key: "name", type: "text", maxLength: 10 },
    { key: "openingDate", type: "date", min: "today" },
    {
      key: "district",
      type: "select",
      options: [
        { value: "gulou", label: text("Gulou") },
        { value: "taijiang", label: text("Taijiang") },
      ],
    },
    { key: "mobile", type: "phone", showWhen: { in: [{ var: "district" }, ["gulou"]] } },
    { key: "idNumber", type: "id-number" },
    { key: "employees", type: "number", integer: true },
  ]);
  const knownKeys = ["hasOutdoorSign", "signArea", "signLit", "name", "openingDate", "district", "mobile", "idNumber", "employees"];

  const plausible = fc.oneof(
    fc.constantFrom("", " ", "yes", "no", "true", "12", "0", "-3", "2.5", "abc", "gulou", "taijiang", "2026-02-12"),
    fc.constantFrom("2026-03-01", "1999-02-29", "13800138000", "+86 138 0013 8000", "11010519491231002X", "11010519491231002"),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, undefined),
  );
  const junk = fc.oneof(plausible, fc.string(), fc.jsonValue(), fc.array(fc.anything(), { maxLength: 3 }), fc.object());
  const rawInput = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string()), junk);

  it("never throws, and ok results hold only visible fields' keys", () => {
    fc.assert(
      fc.property(rawInput, (raw) => {
        const result = validate(form, raw);
        const visible = new Set(listVisibleFields(form, raw, { today }).map((field) => field.key));
        for (const key of Object.keys(result.answers)) expect(visible.has(key), key).toBe(true);
        if (!result.ok) for (const key of Object.keys(result.errors)) expect(visible.has(key), key).toBe(true);
        for (const value of Object.values(result.answers)) expect(["string", "number", "boolean"]).toContain(typeof value);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent: validating accepted answers again accepts the same answers", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...knownKeys), plausible), (raw) => {
        const result = validate(form, raw);
        if (!result.ok) return;
        accepted += 1;
        expect(validate(form, result.answers)).toEqual(result);
        // Typed answers drive visibility exactly as the posted strings did.
        expect(listVisibleFields(form, result.answers, { today })).toEqual(listVisibleFields(form, raw, { today }));
      }),
      { numRuns: 500 },
    );
    // Guard against a generator that almost never produces a valid form, which would make this test vacuous.
    expect(accepted).toBeGreaterThan(50);
  });
});
