/**
 * E-mail addresses as a government form needs them: a pragmatic check that catches typos (no @, a space, a
 * missing domain ending) without rejecting real addresses the way RFC-complete patterns tempt one to.
 */

export type TEmailCheck = { ok: true; normalized: string } | { ok: false };

export const maxEmailLength = 254;

/** The printable ASCII the local part may hold (RFC 5322 atext and dots); quoted local parts are not accepted. */
const localPartPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A domain label: letters (any script, for 中文 domains), digits and inner hyphens. */
const labelPattern = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** The last label: two or more letters, or a punycode label. */
const topLabelPattern = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

export function checkEmail(value: string): TEmailCheck {
  // NFKC folds the full-width ＠ and letters that Chinese input methods produce.
  const text = value.normalize("NFKC").trim();
  if (text.length === 0 || text.length > maxEmailLength) return { ok: false };
  const at = text.lastIndexOf("@");
  if (at < 1 || text.indexOf("@") !== at) return { ok: false };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase().replace(/\.$/, "");
  if (local.length > 64 || !localPartPattern.test(local)) return { ok: false };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => labelPattern.test(label))) return { ok: false };
  if (!topLabelPattern.test(labels[labels.length - 1])) return { ok: false };
  return { ok: true, normalized: `${local}@${domain}` };
}
