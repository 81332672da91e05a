/**
 * Volumes over the range by week or month: the chart for sighted readers, then the same figures as a table (what
 * screen readers and browsers without JavaScript get), then its CSV.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { TReportRange } from "@/lib/supervision/report-range";
import type { listVolumeSeries } from "@/server/supervision/list-volume-series";
import { CsvLink } from "./csv-link";
import { formatFigure } from "./figure-table";
import { VolumeChart } from "./volume-chart";

type TSeries = Extract<Awaited<ReturnType<typeof listVolumeSeries>>, { ok: true }>;

/** "2026-12" for a month, the Monday's date for a week (month and day alone on a chart's narrow axis). */
export function periodLabel(period: string, unit: "week" | "month", locale: Locale, short = false): string {
  if (unit === "month") return period.slice(0, 7);
  return short ? period.slice(5) : formatDate(period, locale);
}

export async function VolumeTrend({ series, range }: { series: TSeries; range: TReportRange }) {
  const t = await getTranslations("supervise");
  const locale = (await getLocale()) as Locale;
  const label = (period: string) => (series.period === "week" ? t("weekOf", { date: periodLabel(period, "week", locale) }) : periodLabel(period, "month", locale));
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading" className="mb-2 text-2xl font-bold">
        {t("trendTitle")}
      </h2>
      <p className="mb-4">{t(series.period === "week" ? "trendLeadWeek" : "trendLeadMonth")}</p>
      <VolumeChart
        points={series.rows.map((row) => ({ label: periodLabel(row.period, series.period, locale, true), received: row.received, concluded: row.concluded, onTimePercent: row.onTimeRate === null ? null : Math.round(row.onTimeRate * 100) }))}
        labels={{ received: t("figures.received"), concluded: t("figures.concluded"), onTime: t("figures.onTimeRate") }}
      />
      <DataTable
        id="trend-table"
        caption={t("trendTitle")}
        rows={series.rows}
        rowKey={(row) => row.period}
        columns={[
          { key: "period", header: t(series.period === "week" ? "week" : "month"), rowHeader: true, className: "whitespace-nowrap", cell: (row) => label(row.period) },
          { key: "received", header: t("figures.received"), numeric: true, cell: (row) => row.received },
          { key: "concluded", header: t("figures.concluded"), numeric: true, cell: (row) => row.concluded },
          { key: "onTimeRate", header: t("figures.onTimeRate"), numeric: true, cell: (row) => formatFigure(row.onTimeRate, "share", locale) },
        ]}
      />
      <CsvLink table="volumes" range={range} name={t("trendTitle")} />
    </section>
  );
}
