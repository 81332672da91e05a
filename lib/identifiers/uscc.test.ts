import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUscc, computeUsccCheckCharacter } from "@/lib/identifiers/uscc";

const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const known = "91350100M000100Y43";

describe("computeUsccCheckCharacter", () => {
  it("matches a hand computation for a known code", () => {
    // Σ value·weight over 91350100M000100Y4 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
    expect(computeUsccCheckCharacter("91350100M000100Y4")).toBe("3");
  });

  it("maps a remainder of 0 to the character 0", () => {
    expect(computeUsccCheckCharacter("00000000000000000")).toBe("0");
  });

  it("rejects wrong lengths and characters outside the alphabet", () => {
    expect(() => computeUsccCheckCharacter("91350100M000100Y")).toThrow(RangeError);
    expect(() => computeUsccCheckCharacter("91350100M000100I4")).toThrow(RangeError);
  });
});

describe("checkUscc", () => {
  it("accepts a known valid code and normalizes case and spaces", () => {
    expect(checkUscc(known)).toEqual({ ok: true, normalized: known });
    expect(checkUscc(" 91350100m000100y43 ")).toEqual({ ok: true, normalized: known });
    expect(checkUscc("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual({ ok: true, normalized: known });
  });

  it("rejects wrong length and the letters I, O, S, V, Z as format", () => {
    expect(checkUscc("")).toEqual({ ok: false, reason: "format" });
    expect(checkUscc("91350100M000100Y4")).toEqual({ ok: false, reason: "format" });
    expect(checkUscc("91350100M000100Y433")).toEqual({ ok: false, reason: "format" });
    for (const letter of "IOSVZ") {
      expect(checkUscc(`91350100M000100${letter}43`)).toEqual({ ok: false, reason: "format" });
    }
  });

  it("rejects every one-character change as checksum", () => {
    for (let position = 0; position < 18; position += 1) {
      for (const replacement of alphabet) {
        if (replacement === known[position]) continue;
        const changed = known.slice(0, position) + replacement + known.slice(position + 1);
        expect(checkUscc(changed), changed).toEqual({ ok: false, reason: "checksum" });
      }
    }
  });

  it("accepts any code completed with its computed check character", () => {
    const body = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(body, (first17) => {
        expect(checkUscc(first17 + computeUsccCheckCharacter(first17)).ok).toBe(true);
      }),
    );
  });
});
