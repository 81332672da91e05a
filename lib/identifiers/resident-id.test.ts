import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkResidentId, computeResidentIdCheckDigit } from "@/lib/identifiers/resident-id";

const today = "2026-02-12";

/** A valid number built from a region, a birth date and a sequence, for the cases below. */
function makeResidentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + computeResidentIdCheckDigit(first17);
}

const validNumbers = [
  "11010519491231002X", // the standard's own example: Beijing Chaoyang, 31 Dec 1949, woman
  makeResidentId("440305", "19900307", "123"), // Shenzhen Nanshan, man
  makeResidentId("310101", "20000229", "456"), // Shanghai Huangpu, leap day, woman
  makeResidentId("510107", "19001231", "017"),
  makeResidentId("650102", "20260212", "990"), // born today
];

describe("computeResidentIdCheckDigit", () => {
  it("matches a hand computation", () => {
    // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
    // = 167; 167 mod 11 = 2; "10X98765432"[2] = "X".
    expect(computeResidentIdCheckDigit("11010519491231002")).toBe("X");
  });

  it("covers every remainder", () => {
    // Varying the last two digits (weights 4 and 2) walks the remainder through all of 0–10.
    const digits = new Set<string>();
    for (let a = 0; a <= 9; a += 1) {
      for (let b = 0; b <= 9; b += 1) digits.add(computeResidentIdCheckDigit(`110105194912310${a}${b}`));
    }
    expect([...digits].sort().join("")).toBe("0123456789X");
  });

  it("rejects anything but 17 digits", () => {
    expect(() => computeResidentIdCheckDigit("1101051949123100")).toThrow(RangeError);
    expect(() => computeResidentIdCheckDigit("1101051949123100X")).toThrow(RangeError);
  });
});

describe("checkResidentId", () => {
  it("accepts valid numbers and reads birth date and sex", () => {
    expect(checkResidentId("11010519491231002X", { today })).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
    });
    expect(checkResidentId(validNumbers[1], { today })).toMatchObject({ ok: true, birthDate: "1990-03-07", sex: "male" });
    expect(checkResidentId(validNumbers[2], { today })).toMatchObject({ ok: true, birthDate: "2000-02-29", sex: "female" });
    for (const number of validNumbers) expect(checkResidentId(number, { today }).ok).toBe(true);
  });

  it("normalizes spaces, a lower-case x and full-width characters", () => {
    expect(checkResidentId("  11010519491231002x ", { today })).toMatchObject({ ok: true, normalized: "11010519491231002X" });
    expect(checkResidentId("１１０１０５１９４９１２３１００２ｘ", { today })).toMatchObject({
      ok: true,
      normalized: "11010519491231002X",
    });
  });

  it("rejects malformed input as format", () => {
    for (const value of ["", "1101051949123100", "11010519491231002XX", "1101051949123100 2X", "X10105194912310021", "11010519491231002Y", "110105194912310-2X"]) {
      expect(checkResidentId(value, { today })).toEqual({ ok: false, reason: "format" });
    }
  });

  it("rejects impossible, too early and future birth dates", () => {
    const withBirth = (birth: string) => makeResidentId("110105", birth, "002");
    expect(checkResidentId(withBirth("19900230"), { today })).toEqual({ ok: false, reason: "birth-date" });
    expect(checkResidentId(withBirth("19901301"), { today })).toEqual({ ok: false, reason: "birth-date" });
    expect(checkResidentId(withBirth("20010229"), { today })).toEqual({ ok: false, reason: "birth-date" });
    expect(checkResidentId(withBirth("18991231"), { today })).toEqual({ ok: false, reason: "birth-date" });
    expect(checkResidentId(withBirth("20260213"), { today })).toEqual({ ok: false, reason: "birth-date" });
    expect(checkResidentId(withBirth("19000101"), { today }).ok).toBe(true);
  });

  it("uses today in Beijing when no date is given", () => {
    expect(checkResidentId("11010519491231002X").ok).toBe(true);
    expect(checkResidentId(makeResidentId("110105", "29991231", "002"))).toEqual({ ok: false, reason: "birth-date" });
  });

  it("rejects every one-character change of a valid number", () => {
    for (const number of validNumbers) {
      for (let position = 0; position < 18; position += 1) {
        for (const replacement of "0123456789X") {
          if (replacement === number[position]) continue;
          const changed = number.slice(0, position) + replacement + number.slice(position + 1);
          expect(checkResidentId(changed, { today }).ok, changed).toBe(false);
        }
      }
    }
  });

  it("rejects swapped adjacent digits that differ", () => {
    const number = validNumbers[1];
    for (let position = 0; position < 17; position += 1) {
      if (number[position] === number[position + 1]) continue;
      const swapped = number.slice(0, position) + number[position + 1] + number[position] + number.slice(position + 2);
      expect(checkResidentId(swapped, { today }).ok, swapped).toBe(false);
    }
  });

  it("accepts every number built with its check digit and never throws on any string", () => {
    const birthDate = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2026-02-12T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10).replaceAll("-", ""));
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
    fc.assert(
      fc.property(digits(6), birthDate, digits(3), (region, birth, sequence) => {
        const result = checkResidentId(makeResidentId(region, birth, sequence), { today });
        expect(result.ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(() => checkResidentId(value, { today })).not.toThrow();
      }),
    );
  });
});
