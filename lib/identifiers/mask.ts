/**
 * Personal identifiers shown on screen, printed on a document the holder may hand to others (a receipt, a
 * licence's public check) or written to a log are masked (个人信息去标识化): enough for the holder to recognise
 * their own, not enough to use someone else's. The rules follow common practice on Chinese government portals.
 * This is the one place that knows how to mask; everything else calls it.
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

const residentIdPattern = /(?<![0-9A-Za-z])(\d{4})(\d{10})(\d{3}[\dXx])(?![0-9A-Za-z])|(?<![0-9A-Za-z])(\d{4})(\d{7})(\d{4})(?![0-9A-Za-z])/g;
const mobilePattern = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/**
 * Masks every resident ID number (18 or 15 characters) and mobile number inside a free text: a licence's data
 * item, an answer typed into a text box, a log line. Other numbers (dates, licence numbers, USCCs, which are public
 * registry data) are left alone.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(residentIdPattern, (match) => maskIdentifier(match)).replace(mobilePattern, (match) => maskMobile(match));
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

/**
 * A company's name on a public list (办件公示) keeps a readable head and tail and hides its trade name (字号), the
 * part that names a sole trader or a family business: the first two characters (usually the region) and everything
 * from the fifth on (the trade and the legal form) stay, the two between become ** — 上海**餐饮管理有限公司. A name of
 * five characters or fewer keeps only its first and last: 华为公司 → 华**司. The stars are always at least two, so
 * the length of what is hidden is not told.
 */
export function maskCompanyName(value: string): string {
  const characters = [...value.trim()];
  if (characters.length === 0) return "";
  if (characters.length <= 2) return `${characters[0]}**`;
  if (characters.length <= 5) return `${characters[0]}**${characters.at(-1)}`;
  return `${characters.slice(0, 2).join("")}**${characters.slice(4).join("")}`;
}

/** Whether a text holds a resident ID number or a mobile number anywhere in it (what maskPersonalNumbers would mask). */
export function holdsPersonalNumber(text: string): boolean {
  return maskPersonalNumbers(text) !== text;
}
