/**
 * Amounts of renminbi. Inside the portal every amount is an integer number of fen (分, 1/100 yuan), so sums and
 * comparisons are exact; yuan text exists only at the edges: what a person types, and what they read.
 */
import type { Locale } from "@/lib/i18n/locales";

export type TYuanParse = { ok: true; fen: number } | { ok: false; reason: "format" | "precision" };

/** Up to 13 digits of yuan keeps every amount in fen below Number.MAX_SAFE_INTEGER. */
const maxYuanDigits = 13;

/**
 * Reads an amount of yuan as people type it: "1234.5", "1,234.50", "¥12", "￥12", "12元", full-width digits,
 * a leading minus. More than two decimals is a "precision" problem unless the extra digits are zeros
 * ("12.500" is 1250 fen). The digits are read as text, never through a float, so "19.99" is exactly 1999.
 */
export function parseYuan(text: string): TYuanParse {
  // NFKC: full-width digits, ， ． and ￥ from Chinese input methods become ASCII (￥ becomes ¥).
  let rest = text.normalize("NFKC").replace(/\s+/g, "");
  let negative = false;
  if (rest.startsWith("-")) {
    negative = true;
    rest = rest.slice(1);
  }
  if (rest.startsWith("¥")) rest = rest.slice(1);
  if (!negative && rest.startsWith("-")) {
    negative = true;
    rest = rest.slice(1);
  }
  if (rest.endsWith("元")) rest = rest.slice(0, -1);

  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(rest);
  if (!match || (match[1] === undefined && !match[2])) return { ok: false, reason: "format" };
  const whole = (match[1] ?? "0").replaceAll(",", "").replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  if (whole.length > maxYuanDigits) return { ok: false, reason: "format" };
  if (/[1-9]/.test(fraction.slice(2))) return { ok: false, reason: "precision" };

  const fen = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

/** Plain yuan text with two decimals, for an input's value: 123450 → "1234.50", -5 → "-0.05". */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError("an amount in fen is a safe integer");
  const sign = fen < 0 ? "-" : "";
  const absolute = Math.abs(fen);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/**
 * An amount for reading: 123450 → "¥1,234.50". The three locales write yuan the same way, so the locale only
 * keeps call sites honest about where the text is shown; Intl's en currency form ("CN¥") reads worse here.
 */
export function formatFen(fen: number, _locale: Locale): string {
  const [whole, fraction] = fenToYuanText(fen).replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${fen < 0 ? "-" : ""}¥${grouped}.${fraction}`;
}
