/**
 * A table of supervision figures, one row a department or a service: the figures a screen reader or a browser
 * without JavaScript reads, and what the CSV download of the same table holds (lib/supervision/figure-columns.ts).
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDecimal, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { TFigureColumn, TFigureKind, TFigureValues } from "@/lib/supervision/figure-columns";

export function formatFigure(value: number | null, kind: TFigureKind, locale: Locale): string {
  if (value === null) return "—";
  if (kind === "share") return formatPercent(value, locale);
  if (kind === "days" || kind === "rating") return formatDecimal(value, locale);
  return String(value);
}

export type TFigureRow = TFigureValues & { key: string; name: string };

export async function FigureTable({
  id,
  caption,
  nameHeader,
  columns,
  rows,
  locale,
  overdueHref,
}: {
  id: string;
  caption: string;
  nameHeader: string;
  columns: TFigureColumn[];
  rows: TFigureRow[];
  locale: Locale;
  /** Where a row's "overdue now" count leads: the list of those tasks. */
  overdueHref?: (row: TFigureRow) => string;
}) {
  const t = await getTranslations("supervise");
  return (
    <DataTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: "name", header: nameHeader, rowHeader: true, className: "min-w-40", cell: (row) => row.name },
        ...columns.map((column) => ({
          key: column.key,
          header: t(`figures.${column.key}`),
          numeric: true,
          cell: (row: TFigureRow) =>
            column.key === "overdueNow" && overdueHref && row.overdueNow > 0 ? (
              <Link href={overdueHref(row)} aria-label={t("overdueLink", { count: row.overdueNow, name: row.name })}>
                {row.overdueNow}
              </Link>
            ) : (
              formatFigure(row[column.key], column.kind, locale)
            ),
        })),
      ]}
    />
  );
}
