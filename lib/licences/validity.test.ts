import { describe, expect, it } from "vitest";
import { computeValidUntil, licenceStateOn } from "./validity";

describe("licence validity", () => {
  it("ends the day before the same date N months on, or the month's last day when it has none", () => {
    expect(computeValidUntil("2026-03-01", 60)).toBe("2031-02-28");
    expect(computeValidUntil("2026-03-15", 3)).toBe("2026-06-14");
    expect(computeValidUntil("2026-01-31", 1)).toBe("2026-02-28");
    expect(computeValidUntil("2027-12-31", 2)).toBe("2028-02-29");
    expect(computeValidUntil("2026-05-31", 1)).toBe("2026-06-30");
    expect(computeValidUntil("2026-11-30", 12)).toBe("2027-11-29");
  });

  it("is open-ended without a number of months", () => {
    expect(computeValidUntil("2026-03-01", null)).toBeNull();
  });

  it("is valid through its last day, expired the day after, and revoked whatever its term", () => {
    const licence = { revokedAt: null, validUntil: "2026-06-30" };
    expect(licenceStateOn(licence, "2026-06-30")).toBe("valid");
    expect(licenceStateOn(licence, "2026-07-01")).toBe("expired");
    expect(licenceStateOn({ revokedAt: new Date("2026-05-01T00:00:00Z"), validUntil: "2026-06-30" }, "2026-07-01")).toBe("revoked");
    expect(licenceStateOn({ revokedAt: null, validUntil: null }, "2099-01-01")).toBe("valid");
  });
});
