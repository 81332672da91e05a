import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, ZCursorDate, ZCursorId, ZCursorInstant } from "./keyset-cursor";

const ZPosition = z.tuple([ZCursorInstant, ZCursorId]);
const position: [string, string] = ["1795000000123456", "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00"];
/** What an address may carry where a cursor goes: any text, and base64url of any JSON. */
const anyCursor = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? "").toString("base64url")),
);

describe("keyset cursors", () => {
  it("give back the position they carry, as base64url a browser keeps in an address", () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ZPosition)).toEqual(position);
    // Node's base64url (no padding) reads the same.
    expect(decodeCursor(Buffer.from(JSON.stringify(position)).toString("base64url"), ZPosition)).toEqual(position);
  });

  it.each([
    ["nothing", undefined],
    ["an empty cursor", ""],
    ["not base64url", "a b+c/="],
    ["a length no base64 has", "a"],
    ["not JSON", Buffer.from("{").toString("base64url")],
    ["the wrong shape", encodeCursor({ key: position[0], id: position[1] })],
    ["a timestamp as text", encodeCursor(["2026-99-99 99:99:99+00", position[1]])],
    ["an instant past 16 digits", encodeCursor(["99999999999999999", position[1]])],
    ["a negative instant", encodeCursor(["-5", position[1]])],
    ["an id that is not a uuid", encodeCursor([position[0], "------------------------------------"])],
    ["a NUL", encodeCursor([position[0], `${position[1]}\u0000`])],
    ["too long", "A".repeat(301)],
    ["an array", ["a", "b"]],
  ])("mean the first page for %s", (_name, raw) => {
    expect(decodeCursor(raw, ZPosition)).toBeNull();
  });

  it("accept only dates PostgreSQL reads as they are cast", () => {
    expect(ZCursorDate.safeParse("2026-11-24").success).toBe(true);
    for (const bad of ["2026-02-30", "0000-01-01", "0999-12-31", "2026-1-5", "20261124", "2026-11-24'; --"]) expect(ZCursorDate.safeParse(bad).success, bad).toBe(false);
  });

  it("property: decoding never throws, and whatever it accepts passes the schema", () => {
    fc.assert(
      fc.property(anyCursor, (raw) => {
        const decoded = decodeCursor(raw, ZPosition);
        if (decoded !== null) expect(ZPosition.safeParse(decoded).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: every position survives the trip through an address", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999_999_999n }), fc.uuid(), (micros, id) => {
        const at: [string, string] = [String(micros), id];
        expect(decodeCursor(encodeURIComponent(encodeCursor(at)), ZPosition)).toEqual(at);
      }),
      { numRuns: 500 },
    );
  });
});
