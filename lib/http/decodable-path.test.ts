import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./decodable-path";

describe("isDecodablePath", () => {
  it("accepts paths whose escapes are UTF-8, NUL and encoded slashes included (the pages answer those)", () => {
    for (const path of ["/", "/services/HRSS-PROOF", "/me/cases/%00", "/services/%E7%A4%BE%E4%BF%9D", "/a%2Fb", "/%25"]) expect(isDecodablePath(path), path).toBe(true);
  });

  it.each([["/services/%FF"], ["/verify/%ED%A0%80"], ["/me/cases/%E4%B8"], ["/services/a%2"], ["/services/%C0%AF"], ["/%"]])("refuses %s", (path) => {
    expect(isDecodablePath(path)).toBe(false);
  });

  it("property: every path a browser writes from text is decodable", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 4 }), (segments) => {
        expect(isDecodablePath(`/${segments.map(encodeURIComponent).join("/")}`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
