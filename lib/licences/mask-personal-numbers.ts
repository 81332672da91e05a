/**
 * What the public verification page shows of personal numbers. Whoever holds the paper licence reads the full
 * number on it; the page only has to let them match it, so it keeps a resident ID number's first 4 characters (the
 * region) and last 4 (with the check digit) and a mobile number's first 3 and last 4, as is usual practice for
 * de-identified display. A link that travels further than the paper then gives away no one's identity number.
 * Unified social credit codes are public registry data and stay whole.
 */
import { maskIdentifier, maskMobile } from "@/lib/identifiers/mask";

const residentIdPattern = /(?<![0-9A-Za-z])(\d{4})(\d{10})(\d{3}[\dXx])(?![0-9A-Za-z])|(?<![0-9A-Za-z])(\d{4})(\d{7})(\d{4})(?![0-9A-Za-z])/g;
const mobilePattern = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Masks every resident ID number (18 or 15 characters) and mobile number inside a text. */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(residentIdPattern, (match) => maskIdentifier(match))
    .replace(mobilePattern, (match) => maskMobile(match));
}
