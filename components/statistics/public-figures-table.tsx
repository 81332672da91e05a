/**
 * The public figures of departments or services (政务公开): received and concluded this month and this year, and
 * this year's on-time rate, average handling time, average rating and share satisfied. One table, scrolling sideways
 * on a phone, with the department's (service's) name as each row's header.
 */
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDecimal, formatPercent } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TPublicStatisticsRow } from "@/server/statistics/compute-public-statistics";

export async function PublicFiguresTable({ id, caption, rows, group, locale }: { id: string; caption: string; rows: TPublicStatisticsRow[]; group: "department" | "service"; locale: Locale }) {
  const t = await getTranslations("statistics");
  const decimal = (value: number | null) => (value === null ? t("notRated") : formatDecimal(value, locale));
  const percent = (value: number | null) => (value === null ? t("notRated") : formatPercent(value, locale));
  return (
    <DataTable
      id={id}
      labelledBy={`${id}-title`}
      className="mb-10"
      caption={caption}
      rows={rows}
      rowKey={(row) => `${row.departmentCode}:${row.serviceCode ?? ""}`}
      columns={[
        {
          key: "name",
          header: group === "service" ? t("subject") : t("department"),
          rowHeader: true,
          // The figures' headers do not wrap; without a floor the names would shrink to a character a line on a phone.
          className: "min-w-36",
          cell: (row) =>
            group === "service" && row.serviceName ? (
              <>
                {localize(row.serviceName, locale)}
                <span className="block text-base text-muted">{localize(row.departmentName, locale)}</span>
              </>
            ) : (
              localize(row.departmentName, locale)
            ),
        },
        { key: "monthReceived", header: t("monthReceived"), numeric: true, cell: (row) => row.figures.month.received },
        { key: "monthConcluded", header: t("monthConcluded"), numeric: true, cell: (row) => row.figures.month.concluded },
        { key: "yearReceived", header: t("yearReceived"), numeric: true, cell: (row) => row.figures.year.received },
        { key: "yearConcluded", header: t("yearConcluded"), numeric: true, cell: (row) => row.figures.year.concluded },
        { key: "onTimeRate", header: t("onTimeRate"), numeric: true, cell: (row) => percent(row.figures.year.onTimeRate) },
        { key: "averageDays", header: t("averageDays"), numeric: true, cell: (row) => decimal(row.figures.year.averageDays) },
        { key: "ratingAverage", header: t("ratingAverage"), numeric: true, cell: (row) => decimal(row.figures.year.ratingAverage) },
        { key: "satisfiedShare", header: t("satisfiedShare"), numeric: true, cell: (row) => percent(row.figures.year.satisfiedShare) },
      ]}
    />
  );
}
