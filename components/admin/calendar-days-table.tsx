import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Tag } from "@/components/ui/tag";
import type { TCalendarDay } from "@/db/schema";
import { formatDate, formatWeekday } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * One year's holidays and make-up working days, each with Change (fills the form above) and Remove (a plain form
 * post). The buttons name their date for a screen reader.
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
    <DataTable
      id="days"
      caption={t("tableCaption", { year })}
      captionVisible
      rows={days}
      rowKey={(day) => day.date}
      columns={[
        { key: "date", header: t("columns.date"), rowHeader: true, className: "whitespace-nowrap", cell: (day) => <time dateTime={day.date}>{formatDate(day.date, locale)}</time> },
        { key: "weekday", header: t("columns.weekday"), className: "whitespace-nowrap", cell: (day) => formatWeekday(day.date, locale) },
        { key: "kind", header: t("columns.kind"), cell: (day) => <Tag tone={day.kind === "holiday" ? "info" : "warn"}>{t(`kinds.${day.kind}`)}</Tag> },
        { key: "name", header: t("columns.name"), className: "break-words", cell: (day) => day.name },
        {
          key: "actions",
          header: t("columns.actions"),
          cell: (day) => (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <Link href={`/admin/calendar?year=${year}&edit=${day.date}#day-form-title`}>
                {t("change")}
                <span className="sr-only"> {formatDate(day.date, locale)}</span>
              </Link>
              <form action={removeAction}>
                <input type="hidden" name="date" value={day.date} />
                <input type="hidden" name="year" value={year} />
                <Button variant="secondary" className="px-3 py-1">
                  {t("remove")}
                  <span className="sr-only"> {formatDate(day.date, locale)}</span>
                </Button>
              </form>
            </div>
          ),
        },
      ]}
    />
  );
}
