/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies every company, public body
 * and social organization: 18 characters, the last a check character.
 */

export type TUsccCheck = { ok: true; normalized: string } | { ok: false; reason: "format" | "checksum" };

/** The 31 characters of the code: digits and capitals without I, O, S, V, Z (too easily misread). */
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const codePattern = new RegExp(`^[${alphabet}]{18}$`);

export function computeUsccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError("a unified social credit code starts with exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = alphabet.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not a unified social credit code character`);
    sum += value * weights[i];
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

export function checkUscc(value: string): TUsccCheck {
  const normalized = value.normalize("NFKC").trim().toUpperCase();
  if (!codePattern.test(normalized)) return { ok: false, reason: "format" };
  if (computeUsccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, reason: "checksum" };
  return { ok: true, normalized };
}
