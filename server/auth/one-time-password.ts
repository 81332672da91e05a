/**
 * The password an admin hands a person for their first sign-in (a new account, a reset): random, shown to the admin
 * once and never stored but as its hash, and replaced by the person at once (users.must_change_password).
 *
 * Twelve characters from an alphabet without look-alikes (no 0/O, 1/l/I), in groups of four to read out or copy:
 * about 68 bits, far beyond guessing within the sign-in throttle's limits.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function makeOneTimePassword(): string {
  const characters = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join("")).join("-");
}
