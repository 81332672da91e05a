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

/** A person's name keeps its first character (the surname, for a Chinese name): 张*, 欧**. */
export function maskName(value: string): string {
  const characters = [...value.trim()];
  if (characters.length === 0) return "";
  return `${characters[0]}${"*".repeat(Math.max(characters.length - 1, 1))}`;
}

/** An e-mail address keeps the first character of its local part and its domain: z*******@example.cn. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at < 1) return "*".repeat(value.length);
  return `${value[0]}${"*".repeat(at - 1)}${value.slice(at)}`;
}
