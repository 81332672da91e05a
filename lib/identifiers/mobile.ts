/** Mainland China mobile numbers: 11 digits starting 13–19, as typed by people (spaces, dashes, +86). */

export type TMobileCheck = { ok: true; normalized: string } | { ok: false };

export function checkMobile(value: string): TMobileCheck {
  // NFKC folds full-width digits, ＋ and the ideographic space into ASCII before we strip separators.
  const compact = value.normalize("NFKC").replace(/[\s-]/g, "");
  const match = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(compact);
  return match ? { ok: true, normalized: match[1] } : { ok: false };
}
