import { describe, expect, it } from "vitest";
import { readRequestId, requestIdOf } from "./request-id";

describe("request ids", () => {
  it("keeps an id the proxy in front sent, and makes one for a request without", () => {
    expect(requestIdOf("5f0c2a9e7d41b3c8a6e1f2d3c4b5a697")).toBe("5f0c2a9e7d41b3c8a6e1f2d3c4b5a697");
    expect(requestIdOf(null)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses anything that is not an id: text, spaces, a number too short to be one, an overlong value", () => {
    for (const value of ["hello world", "<script>", "110101199003078515\n", "abc", "x".repeat(65), ""]) expect(readRequestId(value)).toBeNull();
  });
});
