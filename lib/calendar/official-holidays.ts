/**
 * The State Council's public-holiday arrangements (国务院办公厅关于部分节假日安排的通知), as published in the
 * chinese-days package, in the shape createCalendar() takes.
 *
 * Years the package has no arrangement for (before 2004, or a year whose notice is not out yet) contribute
 * no days: their deadlines fall back to plain Monday–Friday counting, so callers seeding a calendar should
 * refresh it when the next notice is published (usually each November).
 */
import publishedCalendar from "chinese-days/dist/chinese-days.json";

export type TOfficialCalendarDay = { date: string; kind: "holiday" | "workday"; name: string };

/**
 * The package's published JSON ("date" → "English,中文,days", e.g. "Spring Festival,春节,4"), not its
 * functions: chinese-days builds its in-memory tables at load time by parsing "YYYY-M-D" as UTC midnight and
 * reading it back with local-time getters, so in any time zone west of Greenwich (a browser in the Americas,
 * a server on TZ=America/*) every holiday shifts one day earlier. The JSON was generated once and is the
 * same everywhere.
 */
const published: { holidays: Record<string, string>; workdays: Record<string, string> } = publishedCalendar;

function readChineseName(description: string): string {
  const [, chineseName] = description.split(",");
  if (!chineseName) throw new Error(`unexpected chinese-days description "${description}"`);
  return chineseName;
}

export function listOfficialCalendarDays(years: number[]): TOfficialCalendarDay[] {
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`year must be a four-digit integer, got ${year}`);
    }
  }
  const wanted = new Set(years.map(String));
  const days: TOfficialCalendarDay[] = [];
  for (const kind of ["holiday", "workday"] as const) {
    for (const [date, description] of Object.entries(kind === "holiday" ? published.holidays : published.workdays)) {
      if (wanted.has(date.slice(0, 4))) days.push({ date, kind, name: readChineseName(description) });
    }
  }
  // ISO dates sort as strings; a date is never both a holiday and a make-up working day.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
