import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMobile } from "@/lib/identifiers/mobile";

describe("checkMobile", () => {
  it("accepts 11-digit numbers starting 13–19", () => {
    for (const prefix of ["13", "14", "15", "16", "17", "18", "19"]) {
      expect(checkMobile(`${prefix}812345678`)).toEqual({ ok: true, normalized: `${prefix}812345678` });
    }
  });

  it("tolerates spaces, dashes, +86, 86 and full-width digits", () => {
    for (const value of ["138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000", "8613800138000", "86-138-0013-8000", " 13800138000 ", "１３８００１３８０００", "＋86　138 0013 8000"]) {
      expect(checkMobile(value), value).toEqual({ ok: true, normalized: "13800138000" });
    }
  });

  it("rejects landlines, wrong lengths, wrong prefixes and letters", () => {
    for (const value of ["", "12800138000", "10800138000", "1380013800", "138001380000", "010-12345678", "+85213800138000", "+1 13800138000", "1380013800a", "86", "+86", "8613800138"]) {
      expect(checkMobile(value), value).toEqual({ ok: false });
    }
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (value) => void checkMobile(value)));
  });
});
