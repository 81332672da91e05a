import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readSearchParams } from "./search-params";

const fields = { view: z.enum(["unclaimed", "done"]), year: z.string().regex(/^\d{4}$/).transform(Number), after: z.string() };

describe("readSearchParams", () => {
  it("reads each parameter by its schema", () => {
    expect(readSearchParams({ view: "done", year: "2027", after: "abc", other: "x" }, fields)).toEqual({ view: "done", year: 2027, after: "abc" });
  });

  it("takes the first of repeated values, and leaves out what is missing or malformed", () => {
    expect(readSearchParams({ view: ["done", "unclaimed"], year: ["20x7", "2027"] }, fields)).toEqual({ view: "done" });
    expect(readSearchParams({ view: "everything", year: "\u0000" }, fields)).toEqual({});
    expect(readSearchParams(undefined, fields)).toEqual({});
  });

  it("reads only the page's own parameters, never an inherited one", () => {
    const raw = Object.create({ view: "done" }) as Record<string, string>;
    expect(readSearchParams(raw, fields)).toEqual({});
    expect(readSearchParams(JSON.parse('{"__proto__": "done", "constructor": "x"}'), { constructor: z.string() })).toEqual({ constructor: "x" });
  });

  it("property: never throws, and every value it gives passes its schema", () => {
    const value = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.array(fc.string({ unit: "binary", maxLength: 20 }), { maxLength: 3 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("view", "year", "after", "x", "__proto__"), value), (raw) => {
        const read = readSearchParams(raw, fields);
        if (read.view !== undefined) expect(["unclaimed", "done"]).toContain(read.view);
        if (read.year !== undefined) expect(read.year).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});
