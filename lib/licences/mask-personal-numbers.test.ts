import { describe, expect, it } from "vitest";
import { maskIdentifier as maskResidentId } from "@/lib/identifiers/mask";
import { maskPersonalNumbers } from "./mask-personal-numbers";

describe("masking personal numbers for the public verification page", () => {
  it("keeps a resident ID number's region and its last four characters", () => {
    expect(maskResidentId("310104198803124016")).toBe("3101**********4016");
    expect(maskResidentId("11010519491231002X")).toBe("1101**********002X");
  });

  it("masks ID and mobile numbers inside a text, and leaves other numbers alone", () => {
    expect(maskPersonalNumbers("母亲 310104199002150024，电话 13800138000")).toBe("母亲 3101**********0024，电话 138****8000");
    expect(maskPersonalNumbers("310104000201809120017")).toBe("310104000201809120017");
    expect(maskPersonalNumbers("91310104MA1FL8XQ36")).toBe("91310104MA1FL8XQ36");
    expect(maskPersonalNumbers("2025-01-01 至 2025-12-31")).toBe("2025-01-01 至 2025-12-31");
    expect(maskPersonalNumbers("JY-20260301-000042")).toBe("JY-20260301-000042");
  });
});
