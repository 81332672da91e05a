import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "https://portal.example.gov.cn";

/** Where a browser would really go: it drops tabs and newlines from a Location and reads "\" as "/". */
function browserDestination(location: string) {
  return new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), origin);
}

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirectPath("/me/cases/2026-0001?tab=timeline#events", origin)).toBe("/me/cases/2026-0001?tab=timeline#events");
    expect(safeRedirectPath("/apply/HRSS-PROOF", origin)).toBe("/apply/HRSS-PROOF");
    expect(safeRedirectPath(`${origin}/desk`, origin)).toBe("/desk");
  });

  it.each([
    ["tab inside", "/\t/evil.example"],
    ["tab first", "\t//evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["three slashes", "///evil.example"],
    ["absolute elsewhere", "https://evil.example/"],
    ["scheme only", "https:evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["javascript with spaces", " javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["lookalike host", "https://portal.example.gov.cn.evil.example/"],
    ["user info", `https://portal.example.gov.cn@evil.example/`],
    ["encoded slashes becoming //", "/%2F/evil.example/.."],
    ["C1 control", "/\u0085/evil.example"],
    ["empty", ""],
  ])("refuses %s", (_name, target) => {
    const result = safeRedirectPath(target, origin);
    expect(browserDestination(result).origin).toBe(origin);
    expect(result.startsWith("//")).toBe(false);
  });

  it("sends the tab and backslash tricks home", () => {
    expect(safeRedirectPath("/\t/evil.example", origin)).toBe("/");
    expect(safeRedirectPath("/\\evil.example", origin)).toBe("/");
    expect(safeRedirectPath("//evil.example", origin)).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)", origin)).toBe("/");
    expect(safeRedirectPath(undefined, origin)).toBe("/");
  });

  it("encodes unicode lookalike slashes into a path here", () => {
    for (const slash of ["\uff0f", "\u2215", "\u2044", "\u29f8"]) {
      const result = safeRedirectPath(`/${slash}${slash}evil.example`, origin);
      expect(browserDestination(result).origin).toBe(origin);
      expect(result.startsWith("//")).toBe(false);
    }
  });

  it("never answers with a place a browser would resolve off this site, whatever the target", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "grapheme-composite", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc
        .array(fc.constantFrom("/", "\\", "\t", "\n", "\r", "%09", "%2F", "%5C", ".", ":", "@", "evil.example", "javascript:", "https:", "\uff0f", " "), { maxLength: 12 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (target) => {
        const result = safeRedirectPath(target, origin);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(/[\u0000-\u001f\u007f\\]/.test(result)).toBe(false);
        expect(browserDestination(result).origin).toBe(origin);
      }),
      { numRuns: 3000 },
    );
  });
});
