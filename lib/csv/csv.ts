/**
 * CSV for spreadsheets (RFC 4180, CRLF): UTF-8 with a byte-order mark, so Excel reads Chinese text as UTF-8; every
 * cell quoted when it must be; a text cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return before one) starts with an apostrophe, so it is shown, not evaluated (OWASP "CSV injection").
 */

export const CSV_BYTE_ORDER_MARK = "\uFEFF";

export type TCsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as written in the file; numbers stay numbers (a negative count is not a formula). */
export function csvCell(value: TCsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly TCsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
