/** How each kind of typed field reads what was posted: text, numbers, money, dates, choices. */
import { describe, expect, it } from "vitest";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { today, text, options, defineForm, validate, errorOf } from "@/lib/forms/validate-answers.fixtures";

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
