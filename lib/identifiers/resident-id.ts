/**
 * The 18-digit resident identity card number (公民身份号码, GB 11643-1999):
 * 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men, even for women), check character.
 */
import { isIsoDate, toIsoDate } from "@/lib/calendar/working-days";

export type TResidentIdCheck =
  | { ok: true; normalized: string; birthDate: string; sex: "male" | "female" }
  | { ok: false; reason: "format" | "birth-date" | "checksum" };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = "10X98765432";
const earliestBirthDate = "1900-01-01";

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("a resident ID number starts with exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * weights[i];
  return checkCharacters[sum % 11];
}

/**
 * Checks and normalizes a resident ID number. `today` (YYYY-MM-DD, default: today in Beijing) bounds the
 * birth date; pass it so the browser and the server agree on the same day.
 */
export function checkResidentId(value: string, options: { today?: string } = {}): TResidentIdCheck {
  // NFKC turns full-width digits and Ｘ, which Chinese input methods produce, into ASCII.
  const normalized = value.normalize("NFKC").trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, reason: "format" };

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const today = options.today ?? toIsoDate(new Date());
  if (!isIsoDate(birthDate) || birthDate < earliestBirthDate || birthDate > today) {
    return { ok: false, reason: "birth-date" };
  }

  if (computeResidentIdCheckDigit(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, reason: "checksum" };
  }
  return { ok: true, normalized, birthDate, sex: Number(normalized[16]) % 2 === 1 ? "male" : "female" };
}
