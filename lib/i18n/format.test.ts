import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format";

describe("formatFileSize", () => {
  it("writes file sizes in KB and MB", () => {
    expect(formatFileSize(500, "en")).toBe("1 KB");
    expect(formatFileSize(250 * 1024, "en")).toBe("250 KB");
    expect(formatFileSize(10 * 1024 * 1024, "zh-Hans")).toBe("10 MB");
    expect(formatFileSize(1.25 * 1024 * 1024, "en")).toBe("1.3 MB");
  });
});
