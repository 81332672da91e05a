import { describe, expect, it } from "vitest";
import { maskMobile, maskResidentId } from "./mask";

describe("masking identifiers", () => {
  it("keeps the first 4 and last 4 characters of a resident ID number", () => {
    expect(maskResidentId("310104198803124016")).toBe("3101**********4016");
    expect(maskResidentId("31011019870722441X")).toBe("3101**********441X");
  });
  it("keeps the first 3 and last 4 digits of a mobile number", () => {
    expect(maskMobile("13800138000")).toBe("138****8000");
  });
  it("hides a value too short to mask partly", () => {
    expect(maskResidentId("12345678")).toBe("********");
    expect(maskMobile("1234567")).toBe("*******");
  });
});
