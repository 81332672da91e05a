/**
 * Personal identifiers shown on screen or paper are masked (个人信息去标识化): enough to recognise one's own, not
 * enough to use someone else's. The rules follow common practice on Chinese government portals.
 */

/** A resident ID number keeps its first 4 and last 4 characters: 3101**********4016. */
export function maskResidentId(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** A mainland mobile number keeps its first 3 and last 4 digits: 138****8000. */
export function maskMobile(value: string): string {
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}
