import { describe, expect, it } from "vitest";
import { plainTextErrorCodes } from "@/lib/text/plain-text";
import { errorCodes } from "./errors";

describe("errorCodes", () => {
  it("has every code the plain-text check refuses with, so each is translated", () => {
    for (const code of plainTextErrorCodes) expect(errorCodes).toContain(code);
  });
});
