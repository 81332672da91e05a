/**
 * How long a licence is valid: from the day of issue (counted as its first day, as licences print it) for a number
 * of months, through the day before the same date — a five-year licence issued on 2026-03-01 is valid until
 * 2031-02-28 — or through the month's last day when that month has no such date (issued 2026-01-31 for a month:
 * until 2026-02-28). And whether a licence is valid, revoked or expired on a given day.
 */
export function computeValidUntil(validFrom: string, validityMonths: number | null): string | null {
  if (validityMonths === null) return null;
  const [year, month, day] = validFrom.split("-").map(Number);
  const targetMonth = month - 1 + validityMonths;
  const targetYear = year + Math.floor(targetMonth / 12);
  const monthIndex = targetMonth % 12;
  const lastDay = new Date(Date.UTC(targetYear, monthIndex + 1, 0)).getUTCDate();
  // Day 0 of a month is the last day of the one before.
  const end = day > lastDay ? new Date(Date.UTC(targetYear, monthIndex, lastDay)) : new Date(Date.UTC(targetYear, monthIndex, day - 1));
  return end.toISOString().slice(0, 10);
}

export const licenceStates = ["valid", "revoked", "expired"] as const;
export type TLicenceState = (typeof licenceStates)[number];

/** Revoked wins over expired: a revocation says more than the end of the term. Valid through its last day. */
export function licenceStateOn(licence: { revokedAt: Date | null; validUntil: string | null }, today: string): TLicenceState {
  if (licence.revokedAt) return "revoked";
  if (licence.validUntil !== null && licence.validUntil < today) return "expired";
  return "valid";
}

/** What a licence verifies as (/verify): its state, or forged when the register's row no longer matches its signature. */
export type TVerifiedLicenceState = TLicenceState | "forged";
