/** The session cookie's seal must stay Auth.js's own: cookies sealed by either side open in the other. */
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken, findSessionCookie } from "./session-token";

const secret = "session-token-test-secret-0123456789abcdef";
const salt = "authjs.session-token";
const token = { sub: "0f8f9e1c-1d2b-4c3a-9e8d-7f6a5b4c3d2e", sessionVersion: 3, activeAt: 1_700_000_000 };

describe("the session cookie's seal", () => {
  it("opens what Auth.js sealed, and Auth.js opens what it sealed", async () => {
    expect(await decodeSessionToken({ token: await encode({ token, secret, salt }), secret, salt })).toMatchObject(token);
    const sealed = await encodeSessionToken({ token, secret, salt, maxAge: 60 });
    const opened = await decode({ token: sealed, secret, salt });
    expect(opened).toMatchObject(token);
    expect(opened!.exp! - opened!.iat!).toBe(60);
  });

  it("refuses a cookie sealed with another secret or salted with another name, and a made-up one", async () => {
    const sealed = await encodeSessionToken({ token, secret, salt });
    await expect(decodeSessionToken({ token: sealed, secret: "another-secret-0123456789abcdefghij", salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token: sealed, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "made-up", secret, salt })).rejects.toThrow();
  });

  it("refuses a cookie whose any part was changed, and one past its expiry", async () => {
    const sealed = await encodeSessionToken({ token, secret, salt });
    const parts = sealed.split(".");
    for (const index of [0, 2, 3, 4]) {
      const changed = [...parts];
      const bytes = Buffer.from(changed[index], "base64url");
      bytes[bytes.length - 1] ^= 1;
      changed[index] = bytes.toString("base64url");
      await expect(decodeSessionToken({ token: changed.join("."), secret, salt })).rejects.toThrow();
    }
    const expired = await encode({ token: { ...token, exp: Math.floor(Date.now() / 1000) - 60 }, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret, salt })).rejects.toThrow();
  });

  it("opens a cookie sealed under an earlier secret while it is still listed", async () => {
    const sealed = await encodeSessionToken({ token, secret: "the-earlier-secret-0123456789abcdef", salt });
    expect(await decodeSessionToken({ token: sealed, secret: [secret, "the-earlier-secret-0123456789abcdef"], salt })).toMatchObject(token);
  });

  it("finds the cookie whole or in chunks, the __Secure- one first", () => {
    expect(findSessionCookie([{ name: "NEXT_LOCALE", value: "en" }])).toBeNull();
    expect(findSessionCookie([{ name: salt, value: "abc" }])).toEqual({ name: salt, value: "abc" });
    expect(findSessionCookie([{ name: `${salt}.1`, value: "def" }, { name: `${salt}.0`, value: "abc" }])).toEqual({ name: salt, value: "abcdef" });
    expect(findSessionCookie([{ name: salt, value: "plain" }, { name: `__Secure-${salt}`, value: "secure" }])).toEqual({ name: `__Secure-${salt}`, value: "secure" });
  });
});
