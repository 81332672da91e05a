import { describe, expect, it } from "vitest";
import { maskIdentifier } from "./mask";

describe("maskIdentifier", () => {
  it("keeps the first and last 4 characters of an 18-character resident ID number or USCC", () => {
    expect(maskIdentifier("310104198803124016")).toBe("3101**********4016");
    expect(maskIdentifier("91310104MA1FL8XQ36")).toBe("9131**********XQ36");
  });

  it("masks a short value whole, so nothing of it shows", () => {
    expect(maskIdentifier("12345678")).toBe("********");
    expect(maskIdentifier("")).toBe("");
  });
});
