/**
 * Personal identifiers shown on screen or printed on a document the holder may hand to others (a receipt, a
 * licence's public check) are masked (个人信息去标识化): enough for the holder to recognise their own, not enough to
 * use someone else's. The rules follow common practice on Chinese government portals.
 */

/**
 * A resident ID number or unified social credit code keeps its first 4 and last 4 characters
 * (3101**********4016); anything of 8 or fewer characters is masked whole.
 */
export function maskIdentifier(value: string): string {
  const characters = [...value.trim()];
  if (characters.length <= 8) return "*".repeat(characters.length);
  return `${characters.slice(0, 4).join("")}${"*".repeat(characters.length - 8)}${characters.slice(-4).join("")}`;
}

/** A mainland mobile number keeps its first 3 and last 4 digits: 138****8000. */
export function maskMobile(value: string): string {
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}
