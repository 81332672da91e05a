import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy";

describe("the password policy", () => {
  const check = (password: string, username = "clerk-fire") => checkNewPassword({ password, username });

  it("accepts a long password of the person's own", () => {
    expect(check("river lantern 2026 tea")).toBeNull();
    expect(check("消防安全每天都要检查好")).toBe("invalid:password-too-short");
    expect(check("消防安全每天都要认真检查好")).toBeNull();
  });

  it("refuses one too short or too long, counted in characters", () => {
    expect(check("short-pass1")).toBe("invalid:password-too-short");
    expect(check("x".repeat(201))).toBe("invalid:password-too-long");
  });

  it("refuses one containing the user name, in any case or width", () => {
    expect(check("my-CLERK-FIRE-password")).toBe("invalid:password-contains-username");
    expect(check("ｃｌｅｒｋ-ｆｉｒｅ-2026-pass")).toBe("invalid:password-contains-username");
  });

  it("refuses the breached common passwords of zxcvbn's list, whatever their case", () => {
    expect(check("qwerty123456")).toBe("invalid:password-common");
    expect(check("QWERTY123456")).toBe("invalid:password-common");
    expect(check("1qaz2wsx3edc")).toBe("invalid:password-common");
  });
});
