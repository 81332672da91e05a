/**
 * What a password a person chooses must be: long enough, not their user name, not one of the passwords every
 * guessing list starts with. Length over composition rules (NIST SP 800-63B §5.1.1.2): "Summer2026!" passes any
 * rule of classes and is in every list; a long phrase of plain words is strong and easy to type on a phone.
 *
 * The list is zxcvbn-ts's `passwords-common` (about 49,000 passwords from public breach corpora, most common first),
 * loaded once into a set of lower-case words; a choice is compared in lower case too, so "QWERTY123456" is refused
 * like "qwerty123456".
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import type { TErrorCode } from "@/server/errors";

export const PASSWORD_MIN_LENGTH = 12;
/** The sign-in form's limit (server/auth/next-auth.ts): a longer password could never be typed in. */
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return common;
}

export type TPasswordRefusal = Extract<TErrorCode, "invalid:password-too-short" | "invalid:password-too-long" | "invalid:password-contains-username" | "invalid:password-common">;

/** Null when `password` may be chosen by `username`; else why not. Lengths count characters, not UTF-16 units. */
export function checkNewPassword({ password, username }: { password: string; username: string }): TPasswordRefusal | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "invalid:password-too-short";
  if (length > PASSWORD_MAX_LENGTH) return "invalid:password-too-long";
  const lower = password.normalize("NFKC").toLowerCase();
  if (lower.includes(username.normalize("NFKC").toLowerCase())) return "invalid:password-contains-username";
  if (commonPasswords().has(lower)) return "invalid:password-common";
  return null;
}
