import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import type { TCalendarDay } from "@/db/schema";
import { formatDate, formatWeekday } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * One year's holidays and make-up working days, each with Change (fills the form above) and Remove (a plain form
 * post). Scrolls sideways on a phone; the buttons name their date for a screen reader.
 */
export async function CalendarDaysTable({
  year,
  days,
  locale,
  removeAction,
}: {
  year: number;
  days: Pick<TCalendarDay, "date" | "kind" | "name">[];
  locale: Locale;
  /** The page's server action behind each Remove button. */
  removeAction: (formData: FormData) => Promise<void>;
}) {
  const t = await getTranslations("adminCalendar");
  return (
    <div id="days" className="mb-8 overflow-x-auto" role="region" aria-labelledby="days-caption" tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption id="days-caption" className="mb-2 text-left text-xl font-bold">
          {t("tableCaption", { year })}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">{t("columns.date")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.weekday")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.kind")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.name")}</th>
            <th scope="col" className="py-2">{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const date = formatDate(day.date, locale);
            return (
              <tr key={day.date} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-4 font-normal whitespace-nowrap">
                  <time dateTime={day.date}>{date}</time>
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">{formatWeekday(day.date, locale)}</td>
                <td className="py-2 pr-4">
                  <Tag tone={day.kind === "holiday" ? "info" : "warn"}>{t(`kinds.${day.kind}`)}</Tag>
                </td>
                <td className="py-2 pr-4 break-words">{day.name}</td>
                <td className="py-2">
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                    <Link href={`/admin/calendar?year=${year}&edit=${day.date}#day-form-title`}>
                      {t("change")}
                      <span className="sr-only"> {date}</span>
                    </Link>
                    <form action={removeAction}>
                      <input type="hidden" name="date" value={day.date} />
                      <input type="hidden" name="year" value={year} />
                      <Button variant="secondary" className="px-3 py-1">
                        {t("remove")}
                        <span className="sr-only"> {date}</span>
                      </Button>
                    </form>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
