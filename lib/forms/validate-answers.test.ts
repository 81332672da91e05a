import { describe, expect, it } from "vitest";
import { ZFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { listVisibleFields, validateAnswers, type TValidateOptions, type TValidationResult } from "@/lib/forms/validate-answers";
import { computeResidentIdCheckDigit } from "@/lib/identifiers/resident-id";
import { computeUsccCheckCharacter } from "@/lib/identifiers/uscc";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { regionLookup } from "@/lib/regions/regions";

const today = "2026-02-12";
const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });
const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

/** A one-page definition, parsed so that defaults (required: false, maxLength …) are filled in. */
function defineForm(fields: Record<string, unknown>[], rules: Record<string, unknown>[] = []): TFormDefinition {
  const label = (field: Record<string, unknown>): Record<string, unknown> => ({
    label: text(String(field.key)),
    ...field,
    ...(Array.isArray(field.fields) ? { itemLabel: text("item"), fields: (field.fields as Record<string, unknown>[]).map(label) } : {}),
  });
  return ZFormDefinition.parse({
    schemaVersion: 1,
    pages: [{ key: "main", title: text("Main"), sections: [{ key: "only", fields: fields.map(label) }] }],
    rules: rules.map((rule) => ({ message: text(String(rule.key)), ...rule })),
  });
}

function validate(definition: TFormDefinition, raw: Record<string, unknown>, extra: Partial<TValidateOptions> = {}): TValidationResult {
  return validateAnswers(definition, raw, { today, ...extra });
}

/** The error at `path`, asserting there is one. */
function errorOf(definition: TFormDefinition, raw: Record<string, unknown>, path: string, extra: Partial<TValidateOptions> = {}) {
  const result = validate(definition, raw, extra);
  expect(result.ok, `expected an error at ${path}, got ${JSON.stringify(result.answers)}`).toBe(false);
  return result.errors[path];
}

const residentId = (first17: string) => first17 + computeResidentIdCheckDigit(first17);
const uscc = (first17: string) => first17 + computeUsccCheckCharacter(first17);
/** Replaces one character, for numbers that are one keystroke off. */
const swapAt = (value: string, index: number, replacement: string) => value.slice(0, index) + replacement + value.slice(index + 1);

describe("text and textarea", () => {
  const form = defineForm([
    { key: "name", type: "text", required: true, maxLength: 5 },
    { key: "note", type: "textarea" },
  ]);

  it("trims and stores the text", () => {
    expect(validate(form, { name: "  张三  ", note: " 多行\n说明 " })).toEqual({
      ok: true,
      answers: { name: "张三", note: "多行\n说明" },
      keep: { name: "张三", note: "多行\n说明" },
      errors: {},
    });
  });

  it("reads the CRLF a browser posts for a textarea line break as one character", () => {
    expect(validate(form, { name: "x", note: "a\r\nb" }).answers.note).toBe("a\nb");
    const short = defineForm([{ key: "note", type: "textarea", maxLength: 3 }]);
    expect(validate(short, { note: "a\r\nb" }).ok).toBe(true);
  });

  it("enforces maxLength in characters, not UTF-16 units", () => {
    expect(validate(form, { name: "一二三四五" }).ok).toBe(true);
    expect(validate(form, { name: "𠀀𠀀𠀀𠀀𠀀" }).ok).toBe(true); // five characters outside the BMP
    expect(errorOf(form, { name: "一二三四五六" }, "name")).toEqual({ code: "too-long", params: { max: 5 } });
  });

  it("applies the default maxLength", () => {
    expect(errorOf(form, { name: "x", note: "a".repeat(2001) }, "note")).toEqual({ code: "too-long", params: { max: 2000 } });
  });

  it("requires a non-blank value when required", () => {
    for (const name of [undefined, null, "", "   "]) {
      expect(errorOf(form, { name }, "name")).toEqual({ code: "required" });
    }
  });

  it("accepts a JSON number as its text and treats other shapes as not given", () => {
    expect(validate(form, { name: 12 }).answers).toEqual({ name: "12" });
    expect(errorOf(form, { name: { first: "张" } }, "name")).toEqual({ code: "required" });
    expect(errorOf(form, { name: true }, "name")).toEqual({ code: "required" });
    expect(validate(form, { name: "x", note: ["a"] })).toMatchObject({ ok: true, answers: { name: "x" } });
  });

  it("refuses a control character, keeping the text (less a NUL, which jsonb cannot hold) to show again", () => {
    for (const control of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085"]) {
      const result = validate(form, { name: `张${control}三`, note: `第一行\n第二${control}行` });
      expect(result.errors).toEqual({ name: { code: "control-character" }, note: { code: "control-character" } });
      expect(result.answers).toEqual({});
      expect(result.keep.name).toBe(control === "\u0000" ? "张三" : `张${control}三`);
    }
  });

  it("refuses a line break or a tab inside one-line text, and keeps them in a textarea", () => {
    for (const lineBreak of ["\n", "\r\n", "\t", "\u2028"]) {
      expect(errorOf(form, { name: `张${lineBreak}三` }, "name")).toEqual({ code: "line-break" });
      expect(validate(form, { name: "x", note: `a${lineBreak}b` }).ok).toBe(true);
    }
  });

  it("removes bidi overrides and isolates, and mends a lone surrogate", () => {
    expect(validate(form, { name: "ab\u202Ecd", note: "\u2066x\u2069" }).answers).toEqual({ name: "abcd", note: "x" });
    expect(errorOf(form, { name: "\u202E" }, "name")).toEqual({ code: "required" });
    expect(validate(form, { name: "a\uD800b" }).answers.name).toBe("a\uFFFDb");
  });

  it("keeps a too-long text as typed, and an oversize one cut just past twice the limit", () => {
    expect(validate(form, { name: " 一二三四五六 " }).keep).toEqual({ name: " 一二三四五六 " });
    const huge = "x".repeat(100_000);
    const result = validate(form, { name: huge });
    expect(result.errors.name).toEqual({ code: "too-long", params: { max: 5 } });
    expect(result.keep.name).toBe("x".repeat(11));
    // Padding beyond twice the limit is rejected too, so the cut value cannot turn valid.
    expect(errorOf(form, { name: `a${" ".repeat(20)}b` }, "name")).toEqual({ code: "too-long", params: { max: 5 } });
    expect(validate(form, result.keep).errors).toEqual(result.errors);
  });
});

describe("number", () => {
  const form = defineForm([
    { key: "area", type: "number", min: 1, max: 10000 },
    { key: "employees", type: "number", integer: true, min: 0 },
    { key: "ratio", type: "number", step: 0.1 },
    { key: "floors", type: "number", min: 1, step: 2 },
  ]);

  it("parses decimal strings and JSON numbers", () => {
    expect(validate(form, { area: "12.5", employees: "3" }).answers).toEqual({ area: 12.5, employees: 3 });
    expect(validate(form, { area: 80, employees: 0 }).answers).toEqual({ area: 80, employees: 0 });
    expect(validate(form, { area: " 1e3 " }).answers).toEqual({ area: 1000 });
    expect(validate(form, { area: "１２．５" }).answers).toEqual({ area: 12.5 });
    expect(validate(form, { employees: "-0" }).answers).toEqual({ employees: 0 });
    expect(Object.is(validate(form, { employees: -0 }).answers.employees, 0)).toBe(true);
  });

  it("rejects what is not a plain decimal number, keeping it as posted", () => {
    for (const area of ["abc", "12abc", "0x10", "Infinity", "1,000", "12 5", true]) {
      const result = validate(form, { area });
      expect(result.errors.area, String(area)).toEqual({ code: "not-a-number" });
      expect(result.keep.area).toBe(area);
    }
  });

  it("treats values of the wrong shape as not given", () => {
    for (const area of [Number.NaN, Number.POSITIVE_INFINITY, {}, [1], null]) {
      expect(validate(form, { area }), String(area)).toMatchObject({ ok: true, answers: {}, keep: {} });
    }
  });

  it("enforces integer, min, max and step", () => {
    expect(errorOf(form, { employees: "2.5" }, "employees")).toEqual({ code: "not-an-integer" });
    expect(errorOf(form, { employees: -1 }, "employees")).toEqual({ code: "too-small", params: { min: 0 } });
    expect(errorOf(form, { area: "0.5" }, "area")).toEqual({ code: "too-small", params: { min: 1 } });
    expect(errorOf(form, { area: "10000.01" }, "area")).toEqual({ code: "too-large", params: { max: 10000 } });
    expect(validate(form, { area: "10000", employees: "0" }).ok).toBe(true);
    // 0.3 / 0.1 is 2.9999999999999996 in binary floating point; it is still a multiple.
    expect(validate(form, { ratio: "0.3" }).answers).toEqual({ ratio: 0.3 });
    expect(validate(form, { ratio: 0.1 + 0.2 }).ok).toBe(true);
    expect(errorOf(form, { ratio: "0.35" }, "ratio")).toEqual({ code: "not-a-step", params: { step: 0.1 } });
    // Steps count from min: 1, 3, 5 …
    expect(validate(form, { floors: "5" }).ok).toBe(true);
    expect(errorOf(form, { floors: "4" }, "floors")).toEqual({ code: "not-a-step", params: { step: 2 } });
  });

  it("omits an empty optional number", () => {
    expect(validate(form, { area: "", employees: " " })).toEqual({ ok: true, answers: {}, keep: {}, errors: {} });
  });

  it("rejects an oversize string unparsed", () => {
    const result = validate(form, { area: `1${" ".repeat(5000)}x` });
    expect(result.errors.area).toEqual({ code: "not-a-number" });
    expect((result.keep.area as string).length).toBe(1001);
    expect(validate(form, result.keep).errors).toEqual(result.errors);
  });
});

describe("money", () => {
  const form = defineForm([
    { key: "capital", type: "money", min: 1250, max: 100_000_000 },
    { key: "fee", type: "money" },
  ]);

  it("reads yuan as typed into integer fen", () => {
    const cases: [string, number][] = [
      ["19.99", 1999],
      ["1,234.5", 123450],
      ["¥12", 1200],
      ["￥12.50", 1250],
      ["１２．３４", 1234],
      ["0.07", 7],
      ["100元", 10000],
    ];
    for (const [typed, fen] of cases) expect(validate(form, { fee: typed }).answers, typed).toEqual({ fee: fen });
  });

  it("reads a JSON number as fen, which is what a draft stores", () => {
    expect(validate(form, { fee: 1999 }).answers).toEqual({ fee: 1999 });
    expect(validate(form, validate(form, { fee: "19.99" }).keep).answers).toEqual({ fee: 1999 });
    expect(errorOf(form, { fee: 12.5 }, "fee")).toEqual({ code: "money-too-precise" });
    expect(errorOf(form, { fee: 2 ** 60 }, "fee")).toEqual({ code: "money-format" });
  });

  it("tells a malformed amount from one with too many decimals", () => {
    for (const fee of ["abc", "12.3.4", "1,23", "¥", "--1", true]) expect(errorOf(form, { fee }, "fee"), String(fee)).toEqual({ code: "money-format" });
    expect(errorOf(form, { fee: "12.345" }, "fee")).toEqual({ code: "money-too-precise" });
    expect(validate(form, { fee: "12.500" }).answers).toEqual({ fee: 1250 });
  });

  it("shows bounds in yuan", () => {
    expect(errorOf(form, { capital: "12.49" }, "capital")).toEqual({ code: "too-small", params: { min: "¥12.50" } });
    expect(errorOf(form, { capital: "1000000.01" }, "capital")).toEqual({ code: "too-large", params: { max: "¥1,000,000.00" } });
    expect(validate(form, { capital: "12.50" }).ok).toBe(true);
  });
});

describe("date and date-range", () => {
  const form = defineForm([
    { key: "openingDate", type: "date", min: "today" },
    { key: "birthDate", type: "date", max: "today", min: "1900-01-01" },
    { key: "period", type: "date-range", min: "today", max: "2026-12-31" },
    { key: "stay", type: "date-range", required: true },
  ]);
  const stay = { from: "2026-03-01", to: "2026-03-05" };

  it("accepts real ISO dates within the bounds", () => {
    expect(validate(form, { openingDate: "2026-02-12", birthDate: "1990-03-07", stay }).answers).toEqual({
      openingDate: "2026-02-12",
      birthDate: "1990-03-07",
      stay,
    });
  });

  it("rejects malformed and impossible dates", () => {
    for (const openingDate of ["2026-02-30", "2026/03/01", "2026-3-1", "tomorrow", 20260301, true]) {
      expect(errorOf(form, { openingDate, stay }, "openingDate"), String(openingDate)).toEqual({ code: "invalid-date" });
    }
  });

  it("resolves 'today' from the options", () => {
    expect(errorOf(form, { openingDate: "2026-02-11", stay }, "openingDate")).toEqual({ code: "date-too-early", params: { min: "2026-02-12" } });
    expect(errorOf(form, { birthDate: "2026-02-13", stay }, "birthDate")).toEqual({ code: "date-too-late", params: { max: "2026-02-12" } });
    expect(validateAnswers(form, { openingDate: "2026-02-11", stay }, { today: "2026-02-10" }).ok).toBe(true);
  });

  it("needs both ends of a range, the end not before the start", () => {
    expect(errorOf(form, { stay: { from: "", to: "" } }, "stay")).toEqual({ code: "required" });
    expect(errorOf(form, { stay: "2026-03-01" }, "stay")).toEqual({ code: "required" }); // not a range at all
    const incomplete = validate(form, { stay: { from: "2026-03-01" } });
    expect(incomplete.errors.stay).toEqual({ code: "range-incomplete" });
    expect(incomplete.keep.stay).toEqual({ from: "2026-03-01" });
    expect(errorOf(form, { stay: { from: "2026-03-05", to: "2026-03-01" } }, "stay")).toEqual({ code: "range-end-before-start" });
    expect(errorOf(form, { stay: { from: "2026-03-05", to: "5 March" } }, "stay")).toEqual({ code: "invalid-date" });
    expect(validate(form, { stay: { from: "2026-03-05", to: "2026-03-05" } }).ok).toBe(true);
  });

  it("checks a range's bounds", () => {
    expect(errorOf(form, { stay, period: { from: "2026-02-11", to: "2026-03-01" } }, "period")).toEqual({
      code: "date-too-early",
      params: { min: "2026-02-12" },
    });
    expect(errorOf(form, { stay, period: { from: "2026-03-01", to: "2027-01-01" } }, "period")).toEqual({
      code: "date-too-late",
      params: { max: "2026-12-31" },
    });
  });
});

describe("choices", () => {
  const form = defineForm([
    { key: "district", type: "select", required: true, options: options("gulou", "2") },
    { key: "size", type: "radio", options: options("small", "large") },
    { key: "services", type: "checkbox-group", options: options("food", "drink", "music"), minSelected: 2, maxSelected: 2 },
    { key: "extras", type: "checkbox-group", required: true, options: options("a", "b") },
    { key: "hasOutdoorSign", type: "yesno" },
  ]);
  const base = { district: "gulou", extras: "a" };

  it("accepts only option values", () => {
    expect(validate(form, { ...base, district: " gulou ", size: "large" }).answers).toMatchObject({ district: "gulou", size: "large" });
    expect(validate(form, { ...base, district: 2 }).answers.district).toBe("2");
    for (const district of ["Gulou", "taijiang", true]) {
      expect(errorOf(form, { ...base, district }, "district"), String(district)).toEqual({ code: "invalid-option" });
    }
    expect(errorOf(form, { ...base, district: ["gulou"] }, "district")).toEqual({ code: "required-choice" });
    expect(errorOf(form, { ...base, size: "medium" }, "size")).toEqual({ code: "invalid-option" });
  });

  it("asks to choose when a choice is required", () => {
    expect(errorOf(form, { extras: "a" }, "district")).toEqual({ code: "required-choice" });
    expect(errorOf(form, { district: "gulou" }, "extras")).toEqual({ code: "required-choice" });
    expect(errorOf(form, { district: "gulou", extras: ["", " "] }, "extras")).toEqual({ code: "required-choice" });
  });

  it("reads a checkbox group from one string or several, in option order, without repeats", () => {
    expect(validate(form, { ...base, services: ["music", "food", "music"] }).answers.services).toEqual(["food", "music"]);
    expect(validate(form, { ...base, extras: ["b", "a"] }).answers.extras).toEqual(["a", "b"]);
    expect(errorOf(form, { ...base, services: "food" }, "services")).toEqual({ code: "too-few-selected", params: { min: 2 } });
    expect(errorOf(form, { ...base, services: ["food", "drink", "music"] }, "services")).toEqual({
      code: "too-many-selected",
      params: { max: 2 },
    });
    const forged = validate(form, { ...base, services: ["food", "admin"] });
    expect(forged.errors.services).toEqual({ code: "invalid-option" });
    expect(forged.keep.services).toEqual(["food", "admin"]);
  });

  it("rejects too many repeats of a checkbox value unread", () => {
    const result = validate(form, { ...base, services: Array.from({ length: 5000 }, () => "food") });
    expect(result.errors.services).toEqual({ code: "invalid-option" });
    expect((result.keep.services as string[]).length).toBe(201);
  });

  it("reads yes/no from radio strings and JSON booleans", () => {
    for (const [raw, value] of [["yes", true], ["no", false], ["true", true], ["false", false], [" YES ", true], [true, true], [false, false]] as const) {
      expect(validate(form, { ...base, hasOutdoorSign: raw }).answers.hasOutdoorSign, String(raw)).toBe(value);
    }
    for (const hasOutdoorSign of ["on", "1", "是", 1, 0]) {
      expect(errorOf(form, { ...base, hasOutdoorSign }, "hasOutdoorSign"), String(hasOutdoorSign)).toEqual({ code: "invalid-yesno" });
    }
  });

  it("counts no as an answer for a required yes/no question", () => {
    const required = defineForm([{ key: "signed", type: "yesno", required: true }]);
    expect(validate(required, { signed: "no" }).ok).toBe(true);
    expect(errorOf(required, { signed: "" }, "signed")).toEqual({ code: "required-choice" });
  });
});

describe("identifiers", () => {
  const form = defineForm([
    { key: "email", type: "email" },
    { key: "mobile", type: "phone" },
    { key: "idNumber", type: "id-number" },
    { key: "creditCode", type: "uscc" },
  ]);
  const validIds = ["11010519491231002X", residentId("31011519900307123"), residentId("44030520000229456")];
  const validCodes = ["91310104MA1FL8XQ36", uscc("91350100M000100Y4"), uscc("12100000400000624")];

  it("normalizes e-mail addresses and rejects typos", () => {
    expect(validate(form, { email: " Zhang.San@Example.COM " }).answers.email).toBe("Zhang.San@example.com");
    expect(validate(form, { email: "li＠例子.中国" }).answers.email).toBe("li@例子.中国");
    for (const email of ["zhangsan", "zhang@", "@example.com", "zhang@example", "zhang san@example.com", "a@b@c.cn", "a..b@example.com", `${"a".repeat(250)}@x.cn`, true]) {
      expect(errorOf(form, { email }, "email"), String(email)).toEqual({ code: "invalid-email" });
    }
  });

  it("stores mobile numbers as 11 digits", () => {
    expect(validate(form, { mobile: "+86 138-0013-8000" }).answers.mobile).toBe("13800138000");
    expect(validate(form, { mobile: 13800138000 }).answers.mobile).toBe("13800138000");
    for (const mobile of ["12800138000", "010-12345678", "1380013800", 13800138000.5, true]) {
      expect(errorOf(form, { mobile }, "mobile"), String(mobile)).toEqual({ code: "invalid-mobile" });
    }
  });

  it("accepts valid resident ID numbers and tells a malformed one from a wrong check digit", () => {
    for (const id of validIds) expect(validate(form, { idNumber: id.toLowerCase() }).answers.idNumber).toBe(id);
    expect(errorOf(form, { idNumber: "1101051949123100" }, "idNumber")).toEqual({ code: "invalid-id-number" });
    expect(errorOf(form, { idNumber: "110105194902300021" }, "idNumber")).toEqual({ code: "invalid-id-number" }); // 30 Feb
    expect(errorOf(form, { idNumber: residentId("11010520260213002") }, "idNumber")).toEqual({ code: "invalid-id-number" }); // born tomorrow
    for (const id of validIds) {
      const wrongCheck = swapAt(id, 17, id[17] === "0" ? "1" : "0");
      expect(errorOf(form, { idNumber: wrongCheck }, "idNumber"), wrongCheck).toEqual({ code: "invalid-id-checksum" });
      const wrongSequence = swapAt(id, 15, id[15] === "5" ? "6" : "5");
      expect(errorOf(form, { idNumber: wrongSequence }, "idNumber"), wrongSequence).toEqual({ code: "invalid-id-checksum" });
    }
  });

  it("accepts valid credit codes and tells a malformed one from a wrong check character", () => {
    for (const code of validCodes) expect(validate(form, { creditCode: ` ${code.toLowerCase()} ` }).answers.creditCode).toBe(code);
    for (const code of validCodes) {
      const wrongCheck = swapAt(code, 17, code[17] === "A" ? "B" : "A");
      expect(errorOf(form, { creditCode: wrongCheck }, "creditCode"), wrongCheck).toEqual({ code: "invalid-uscc-checksum" });
      const wrongBody = swapAt(code, 9, code[9] === "3" ? "4" : "3");
      expect(errorOf(form, { creditCode: wrongBody }, "creditCode"), wrongBody).toEqual({ code: "invalid-uscc-checksum" });
    }
    // I, O, S, V and Z are not in the alphabet: a format error, whatever the check character.
    for (const letter of "IOSVZ") {
      expect(errorOf(form, { creditCode: swapAt(validCodes[0], 9, letter) }, "creditCode")).toEqual({ code: "invalid-uscc" });
    }
    expect(errorOf(form, { creditCode: "91310104MA1FL8XQ3" }, "creditCode")).toEqual({ code: "invalid-uscc" });
  });
});

describe("region and address", () => {
  const form = defineForm([
    { key: "place", type: "region" },
    { key: "province", type: "region", level: "province" },
    { key: "city", type: "region", level: "city" },
    { key: "shop", type: "address", maxLength: 10 },
    { key: "home", type: "address", required: true },
  ]);
  const home = { region: "310115", detail: "世纪大道 1 号" };
  const withTable = { regions: regionLookup };

  it("answers the deepest code chosen, from one code or the cascade", () => {
    expect(validate(form, { home, place: "310115" }, withTable).answers.place).toBe("310115");
    expect(validate(form, { home, place: { province: "310000", city: "310104", county: "" } }, withTable).answers.place).toBe("310104");
    expect(validate(form, { home, place: { province: "440000", city: "440300", county: "440305" } }, withTable).answers.place).toBe("440305");
    expect(validate(form, { home, place: 110105 }, withTable).answers.place).toBe("110105");
  });

  it("requires choosing down to the field's level unless there is nothing there", () => {
    expect(errorOf(form, { home, place: { province: "440000" } }, "place", withTable)).toEqual({ code: "region-incomplete", params: { level: "county" } });
    expect(errorOf(form, { home, place: "440300" }, "place", withTable)).toEqual({ code: "region-incomplete", params: { level: "county" } });
    // 东莞市 has no counties; 上海市 has districts but no city level.
    expect(validate(form, { home, place: { province: "440000", city: "441900" } }, withTable).answers.place).toBe("441900");
    expect(validate(form, { home, city: "310000" }, withTable).answers.city).toBe("310000");
    expect(errorOf(form, { home, city: "440000" }, "city", withTable)).toEqual({ code: "region-incomplete", params: { level: "city" } });
    expect(validate(form, { home, province: "440000", city: "440300" }, withTable).ok).toBe(true);
  });

  it("rejects codes that do not exist, are malformed, or do not nest", () => {
    for (const place of ["999999", "31011", "abcdef", "010101", { province: "310000", city: "440300" }, { province: "310000", city: "310000" }]) {
      expect(errorOf(form, { home, place }, "place", withTable), JSON.stringify(place)).toEqual({ code: "invalid-region" });
    }
  });

  it("checks format only without the table", () => {
    expect(validate(form, { home, place: "999999" }).answers.place).toBe("999999");
    expect(validate(form, { home, place: { province: "440000" } }).answers.place).toBe("440000");
    expect(errorOf(form, { home, place: "abc" }, "place")).toEqual({ code: "invalid-region" });
    expect(errorOf(form, { home, place: { province: "310000", city: "440300" } }, "place")).toEqual({ code: "invalid-region" });
    expect(validate(form, { home, place: { province: "310000", city: "310115" } }).ok).toBe(true);
  });

  it("needs both parts of an address", () => {
    expect(validate(form, { home: { region: { province: "310000", city: "310115" }, detail: " 世纪大道 1 号 " } }, withTable).answers.home).toEqual(home);
    expect(errorOf(form, {}, "home", withTable)).toEqual({ code: "required" });
    expect(errorOf(form, { home: { region: "", detail: "" } }, "home")).toEqual({ code: "required" });
    expect(errorOf(form, { home: "世纪大道" }, "home")).toEqual({ code: "required" });
    expect(errorOf(form, { home, shop: { region: "310115" } }, "shop")).toEqual({ code: "address-detail-required" });
    expect(errorOf(form, { home, shop: { detail: "1 号" } }, "shop")).toEqual({ code: "address-region-required" });
    expect(errorOf(form, { home, shop: { region: "440000", detail: "1 号" } }, "shop", withTable)).toEqual({
      code: "region-incomplete",
      params: { level: "county" },
    });
    const long = validate(form, { home, shop: { region: { province: "310000", city: "310115" }, detail: "一二三四五六七八九十十一" } }, withTable);
    expect(long.errors.shop).toEqual({ code: "too-long", params: { max: 10 } });
    expect(long.keep.shop).toEqual({ region: "310115", detail: "一二三四五六七八九十十一" });
  });
});

describe("material", () => {
  const fileId = "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00";
  const licenceId = "7f3c2a10-5b4e-4d6a-8c9f-1e2d3c4b5a60";
  const file = { kind: "file", fileId, name: "营业执照.pdf", mediaType: "application/pdf", size: 2048 };
  const form = defineForm([
    { key: "plan", type: "material", required: true, accept: ["application/pdf"], maxFiles: 2, maxSizeKb: 10 },
    { key: "licence", type: "material", licenceTypes: ["business-licence"] },
  ]);

  it("accepts file references within the limits", () => {
    expect(validate(form, { plan: [file] }).answers).toEqual({ plan: [file] });
    expect(validate(form, { plan: { "0": file } }).answers).toEqual({ plan: [file] });
    expect(validate(form, { plan: [file, { ...file, fileId: fileId.toUpperCase() }] }).answers.plan).toEqual([file]);
  });

  it("accepts e-licences only where the field allows them", () => {
    expect(validate(form, { plan: [file], licence: [{ kind: "licence", licenceId }] }).answers.licence).toEqual([{ kind: "licence", licenceId }]);
    expect(errorOf(form, { plan: [{ kind: "licence", licenceId }] }, "plan")).toEqual({ code: "invalid-material" });
  });

  it("rejects bad references, too many files and a missing required one", () => {
    const bad = [
      { ...file, fileId: "not-a-uuid" },
      { ...file, mediaType: "image/png" },
      { ...file, size: 10 * 1024 + 1 },
      { ...file, size: "2048" },
      { ...file, name: " " },
      { ...file, kind: "url" },
      {},
    ];
    for (const ref of bad) expect(errorOf(form, { plan: [ref] }, "plan"), JSON.stringify(ref)).toEqual({ code: "invalid-material" });
    const second = { ...file, fileId: licenceId };
    expect(errorOf(form, { plan: [file, second, { ...second, fileId: "1b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00" }] }, "plan")).toEqual({
      code: "too-many-files",
      params: { max: 2 },
    });
    expect(errorOf(form, {}, "plan")).toEqual({ code: "material-required" });
    expect(errorOf(form, { plan: ["x", 1] }, "plan")).toEqual({ code: "material-required" });
  });

  it("keeps only a reference's own scalar properties", () => {
    const result = validate(form, { plan: [{ ...file, mediaType: "text/html", script: "<script>", nested: { a: 1 } }] });
    expect(result.keep.plan).toEqual([{ ...file, mediaType: "text/html" }]);
  });
});

describe("declaration", () => {
  const form = defineForm([{ key: "truthful", type: "declaration", required: true }]);

  it("is given by a ticked box and required as its own error", () => {
    for (const truthful of ["yes", "on", "true", true, " ON "]) expect(validate(form, { truthful }).answers, String(truthful)).toEqual({ truthful: true });
    for (const truthful of [undefined, "", "no", false, "maybe", 1]) expect(errorOf(form, { truthful }, "truthful")).toEqual({ code: "declaration-required" });
  });
});

describe("groups", () => {
  const form = defineForm(
    [
      {
        key: "shareholders",
        type: "group",
        required: true,
        maxItems: 3,
        fields: [
          { key: "name", type: "text", required: true },
          { key: "share", type: "number", required: true, min: 0, max: 100 },
          { key: "foreign", type: "yesno" },
          { key: "passport", type: "text", required: true, showWhen: { "==": [{ var: "foreign" }, true] } },
        ],
      },
    ],
    [
      {
        key: "sharesAddUp",
        field: "shareholders",
        rule: { "==": [{ reduce: [{ var: "shareholders" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] }, 100] },
      },
    ],
  );

  it("reads items from an array or from readFormData's numbered object", () => {
    const answers = { shareholders: [{ name: "甲", share: 60 }, { name: "乙", share: 40, foreign: false }] };
    expect(validate(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "40", foreign: "no" }] }).answers).toEqual(answers);
    expect(validate(form, { shareholders: { "1": { name: "乙", share: "40", foreign: "no" }, "0": { name: "甲", share: "60" } } }).answers).toEqual(answers);
  });

  it("drops wholly empty items and reports item errors at group.index.key", () => {
    const result = validate(form, {
      shareholders: { "0": { name: "", share: "" }, "1": { name: "甲", share: "60" }, "2": { name: " " }, "5": { share: "abc", foreign: "yes" } },
    });
    expect(result.errors).toEqual({
      "shareholders.1.name": { code: "required" },
      "shareholders.1.share": { code: "not-a-number" },
      "shareholders.1.passport": { code: "required" },
    });
    expect(result.keep.shareholders).toEqual([{ name: "甲", share: 60 }, { share: "abc", foreign: true }]);
    expect(result.answers).toEqual({});
  });

  it("counts items", () => {
    expect(errorOf(form, {}, "shareholders")).toEqual({ code: "too-few-items", params: { min: 1 } });
    const many = Array.from({ length: 5 }, (_, index) => ({ name: `股东${index}`, share: "20" }));
    const result = validate(form, { shareholders: many });
    expect(result.errors).toEqual({ shareholders: { code: "too-many-items", params: { max: 3 } } });
    expect(result.keep.shareholders).toHaveLength(3);
    const minimum = defineForm([{ key: "members", type: "group", minItems: 2, fields: [{ key: "name", type: "text" }] }]);
    expect(errorOf(minimum, { members: [{ name: "a" }] }, "members")).toEqual({ code: "too-few-items", params: { min: 2 } });
    expect(validate(defineForm([{ key: "members", type: "group", fields: [{ key: "name", type: "text" }] }]), {}).ok).toBe(true);
  });

  it("checks that shares add up to 100 with reduce, once every item is valid", () => {
    expect(errorOf(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "30" }] }, "shareholders")).toEqual({
      code: "rule-failed",
      rule: "sharesAddUp",
    });
    // An invalid item hides the sum: fix the item first.
    expect(validate(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "x" }] }).errors).toEqual({
      "shareholders.1.share": { code: "not-a-number" },
    });
  });

  it("lets item rules see the item's answers over the form's", () => {
    const nested = defineForm([
      { key: "country", type: "text" },
      {
        key: "members",
        type: "group",
        fields: [
          { key: "country", type: "text" },
          { key: "visa", type: "text", required: true, showWhen: { "!=": [{ var: "country" }, "CN"] } },
          { key: "home", type: "text", required: true, showWhen: { "==": [{ var: "city" }, "SH"] } },
        ],
      },
      { key: "city", type: "text" },
    ]);
    const result = validate(nested, { country: "CN", members: [{ country: "FR" }, { visa: "x" }] });
    expect(result.errors).toEqual({ "members.0.visa": { code: "required" } });
    // The second item's visa is hidden (its country falls back to the form's CN), so nothing typed survives
    // and the item is dropped; `city` comes after the group, so no item sees it.
    expect(result.keep.members).toEqual([{ country: "FR" }]);
  });
});

describe("show-when and required-when", () => {
  const form = defineForm([
    { key: "hasOutdoorSign", type: "yesno", required: true },
    { key: "signArea", type: "number", required: true, showWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
    { key: "signLit", type: "yesno", showWhen: { ">": [{ var: "signArea" }, 0] } },
    { key: "lightingHours", type: "text", requiredWhen: { "==": [{ var: "signLit" }, true] } },
  ]);

  it("validates a shown field and strips a hidden one, whatever was posted for it", () => {
    expect(errorOf(form, { hasOutdoorSign: "yes" }, "signArea")).toEqual({ code: "required" });
    const hidden = validate(form, { hasOutdoorSign: "no", signArea: "abc", signLit: "maybe" });
    expect(hidden).toEqual({ ok: true, answers: { hasOutdoorSign: false }, keep: { hasOutdoorSign: false }, errors: {} });
  });

  it("hides a field whose controlling field is itself hidden or invalid", () => {
    const raw = { hasOutdoorSign: "no", signArea: "10", signLit: "yes" };
    expect(validate(form, raw).answers).toEqual({ hasOutdoorSign: false });
    expect(listVisibleFields(form, raw).map((f) => f.key)).toEqual(["hasOutdoorSign", "lightingHours"]);
    const invalid = validate(form, { hasOutdoorSign: "yes", signArea: "big", signLit: "yes" });
    expect(invalid.errors).toEqual({ signArea: { code: "not-a-number" } });
    expect(invalid.keep).toEqual({ hasOutdoorSign: true, signArea: "big" });
  });

  it("requires a field only while its required-when holds", () => {
    expect(validate(form, { hasOutdoorSign: "yes", signArea: "2", signLit: "no" }).ok).toBe(true);
    expect(errorOf(form, { hasOutdoorSign: "yes", signArea: "2", signLit: "yes" }, "lightingHours")).toEqual({ code: "required" });
  });

  it("hides a field whose rule is not allowed rather than failing", () => {
    const broken = defineForm([{ key: "a", type: "text" }, { key: "b", type: "text", required: true }]);
    (broken.pages[0].sections[0].fields[1] as { showWhen?: unknown }).showWhen = { method: [{ var: "a" }, "toString"] };
    expect(validate(broken, { a: "x", b: "y" }).answers).toEqual({ a: "x" });
  });

  it("walks pages and sections, which have show-when too", () => {
    const multi = ZFormDefinition.parse({
      schemaVersion: 1,
      pages: [
        { key: "one", title: text("1"), sections: [{ key: "s", fields: [{ key: "married", label: text("m"), type: "yesno" }] }] },
        {
          key: "two",
          title: text("2"),
          showWhen: { "==": [{ var: "married" }, true] },
          sections: [{ key: "spouse", fields: [{ key: "spouseName", label: text("n"), type: "text", required: true }] }],
        },
        {
          key: "three",
          title: text("3"),
          sections: [
            { key: "kids", showWhen: { "==": [{ var: "married" }, true] }, fields: [{ key: "children", label: text("c"), type: "number" }] },
            { key: "end", fields: [{ key: "note", label: text("n"), type: "text" }] },
          ],
        },
      ],
    });
    expect(errorOf(multi, { married: "yes" }, "spouseName")).toEqual({ code: "required" });
    expect(validate(multi, { married: "no", spouseName: "x", children: "2", note: "n" }).answers).toEqual({ married: false, note: "n" });
  });
});

describe("computed and fixed values", () => {
  const form = defineForm([
    { key: "area", type: "number" },
    { key: "pricePerSquareMetre", type: "money" },
    { key: "total", type: "money", compute: { "*": [{ var: "area" }, { var: "pricePerSquareMetre" }] } },
    { key: "summary", type: "text", compute: { cat: ["面积 ", { var: "area" }] } },
    { key: "double", type: "number", max: 100, compute: { "*": [{ var: "area" }, 2] } },
    { key: "name", type: "text", required: true },
  ]);

  it("computes values from the answers before, ignoring what was posted", () => {
    const result = validate(form, { area: "12.5", pricePerSquareMetre: "3.33", total: "1", summary: "forged", double: "0", name: "x" });
    expect(result.answers).toEqual({ area: 12.5, pricePerSquareMetre: 333, total: 4163, summary: "面积 12.5", double: 25, name: "x" });
    expect(result.keep.total).toBe(4163);
  });

  it("reports a computed value that breaks its field's bounds", () => {
    expect(errorOf(form, { area: "60", name: "x" }, "double")).toEqual({ code: "too-large", params: { max: 100 } });
  });

  it("gives fixed (locked prefill) values priority over posted ones", () => {
    const result = validate(form, { name: "Forged" }, { fixed: { name: "张三", unknown: "x" } });
    expect(result.answers.name).toBe("张三");
    expect(result.answers).not.toHaveProperty("unknown");
    expect(errorOf(form, { name: "Forged" }, "name", { fixed: { name: "" } })).toEqual({ code: "required" });
  });
});

describe("cross-field rules", () => {
  const form = defineForm(
    [
      { key: "openingDate", type: "date" },
      { key: "closingDate", type: "date" },
      { key: "kind", type: "select", options: options("shop", "stall") },
    ],
    [{ key: "closesAfterOpening", field: "closingDate", rule: { ">": [{ var: "closingDate" }, { var: "openingDate" }] } }],
  );

  it("fails at its field with the rule's key", () => {
    expect(validate(form, { openingDate: "2026-03-01", closingDate: "2026-02-01" }).errors).toEqual({
      closingDate: { code: "rule-failed", rule: "closesAfterOpening" },
    });
    expect(validate(form, { openingDate: "2026-03-01", closingDate: "2026-04-01" }).ok).toBe(true);
  });

  it("waits until every field it reads has a valid answer", () => {
    expect(validate(form, { closingDate: "2026-02-01" }).ok).toBe(true);
    expect(validate(form, { openingDate: "nope", closingDate: "2026-02-01" }).errors).toEqual({ openingDate: { code: "invalid-date" } });
  });

  it("keeps each field's valid answer when the rule between them fails", () => {
    const result = validate(form, { openingDate: "2026-03-01", closingDate: "2026-02-01" });
    expect(result.answers).toEqual({ openingDate: "2026-03-01", closingDate: "2026-02-01" });
  });
});

describe("pageKey", () => {
  const form = ZFormDefinition.parse({
    schemaVersion: 1,
    pages: [
      { key: "one", title: text("1"), sections: [{ key: "a", fields: [{ key: "start", label: text("s"), type: "date", required: true }] }] },
      {
        key: "two",
        title: text("2"),
        sections: [
          {
            key: "b",
            fields: [
              { key: "end", label: text("e"), type: "date", required: true },
              { key: "people", label: text("p"), type: "group", itemLabel: text("i"), fields: [{ key: "age", label: text("a"), type: "number" }] },
            ],
          },
        ],
      },
    ],
    rules: [{ key: "endAfterStart", field: "end", rule: { ">=": [{ var: "end" }, { var: "start" }] }, message: text("m") }],
  });

  it("reports only the errors of that page, but answers and keeps everything", () => {
    const raw = { start: "2026-03-01", end: "bad", people: [{ age: "x" }] };
    expect(validate(form, raw, { pageKey: "one" })).toEqual({
      ok: true,
      answers: { start: "2026-03-01" },
      keep: { start: "2026-03-01", end: "bad", people: [{ age: "x" }] },
      errors: {},
    });
    expect(validate(form, raw, { pageKey: "two" }).errors).toEqual({ end: { code: "invalid-date" }, "people.0.age": { code: "not-a-number" } });
    expect(validate(form, { end: "2026-01-01" }, { pageKey: "two" }).ok).toBe(true);
    expect(validate(form, { start: "2026-03-01", end: "2026-01-01" }, { pageKey: "two" }).errors).toEqual({
      end: { code: "rule-failed", rule: "endAfterStart" },
    });
    expect(validate(form, { start: "2026-03-01", end: "2026-01-01" }, { pageKey: "one" }).ok).toBe(true);
  });
});

describe("tampered posts", () => {
  const form = defineForm([
    { key: "name", type: "text", required: true },
    { key: "area", type: "number", max: 100 },
    { key: "constructor", type: "text" },
  ]);

  it("drops keys the definition does not know", () => {
    const result = validate(form, { name: "张三", isAdmin: "yes", status: "approved" });
    expect(result).toEqual({ ok: true, answers: { name: "张三" }, keep: { name: "张三" }, errors: {} });
  });

  it("drops an own __proto__ key from JSON without touching prototypes", () => {
    const raw = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const result = validate(form, raw);
    expect(result.answers).toEqual({ name: "x" });
    expect(Object.getPrototypeOf(result.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does not read inherited properties as answers", () => {
    expect(validate(form, Object.create({ name: "inherited" }) as Record<string, unknown>).errors).toEqual({ name: { code: "required" } });
  });

  it("survives a raw value that is not an object at all", () => {
    for (const raw of [null, undefined, "x", 5, ["name"]]) {
      expect(validate(form, raw as unknown as Record<string, unknown>).errors).toEqual({ name: { code: "required" } });
    }
  });
});
