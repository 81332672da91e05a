/**
 * What is kept of a failed delivery (outbox.last_error, shown to administrators at /admin/outbox): the driver's or
 * the mail server's own message, with what could identify a person masked — e-mail addresses (SMTP errors name the
 * recipient), resident ID and mobile numbers — and never the query parameters a database error comes wrapped with.
 */
import { maskEmail, maskIdentifier, maskMobile } from "@/lib/identifiers/mask";

const maxLength = 500;
const emailPattern = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// An 18-character resident ID (the last may be X), or the older 15-digit one, standing alone.
const residentIdPattern = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const controlPattern = /[\u0000-\u001f\u007f]+/g;

type TErrorLike = { message?: unknown; code?: unknown; cause?: unknown };

/** The innermost cause: drizzle's own error repeats the failed query and every parameter (answers, ID numbers). */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object" && (current as TErrorLike).cause; depth++) current = (current as TErrorLike).cause;
  return current;
}

export function maskPersonalData(text: string): string {
  return text
    .replace(emailPattern, maskEmail)
    .replace(residentIdPattern, maskIdentifier)
    .replace(mobilePattern, maskMobile)
    .replace(controlPattern, " ");
}

export function describeDeliveryError(error: unknown): string {
  const cause = innermost(error) as TErrorLike | null | undefined;
  const message = cause && typeof cause === "object" && typeof cause.message === "string" ? cause.message : String(cause);
  const code = cause && typeof cause === "object" && typeof cause.code === "string" ? `${cause.code}: ` : "";
  return maskPersonalData(`${code}${message}`).trim().slice(0, maxLength);
}
