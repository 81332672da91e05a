import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

describe("the proxy's reach", () => {
  // Next.js buffers the body of every request the proxy sees, and cuts it at 10 MB: uploads must not pass through it.
  it("leaves requests with a body alone, and /api/health to answer for itself", () => {
    expect(config.matcher).toHaveLength(1);
    const [matcher] = config.matcher;
    expect(matcher.missing).toEqual(
      expect.arrayContaining([
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ]),
    );
    const source = new RegExp(`^${matcher.source}$`);
    expect(source.test("/services")).toBe(true);
    expect(source.test("/api/v1/licences/keys")).toBe(true);
    expect(source.test("/api/health")).toBe(false);
    expect(source.test("/_next/static/chunks/app.js")).toBe(false);
  });
});
