/**
 * Masks an identifier printed on a document the applicant may hand to others (a receipt): the first 4 and last 4
 * characters stay, enough for the holder to recognise their own number (3101**********4016), the rest becomes *.
 * Resident ID numbers and unified social credit codes are both 18 characters; anything of 8 or fewer is masked whole.
 */
export function maskIdentifier(value: string): string {
  const characters = [...value.trim()];
  if (characters.length <= 8) return "*".repeat(characters.length);
  return `${characters.slice(0, 4).join("")}${"*".repeat(characters.length - 8)}${characters.slice(-4).join("")}`;
}
