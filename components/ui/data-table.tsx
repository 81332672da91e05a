/**
 * The one table: a caption that names it, column headers, optionally a row header per row (what a screen reader
 * announces with each cell), and a region that scrolls sideways on a phone — reachable by keyboard, so a table wider
 * than the screen can still be read without a mouse.
 */
import type { ReactNode } from "react";

export type TTableColumn<TRow> = {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  cell: (row: TRow) => ReactNode;
  /** The column that names its row (a case number, a date, a department): its cells are row headers. */
  rowHeader?: boolean;
  /** Counts and shares: right-aligned, with figures of one width, never wrapped. */
  numeric?: boolean;
  /** More classes for this column's cells, e.g. `whitespace-nowrap` or `font-mono`. */
  className?: string;
};

export function DataTable<TRow>({
  id,
  caption,
  captionVisible = false,
  labelledBy,
  columns,
  rows,
  rowKey,
  className = "mb-8",
}: {
  /** The scrolling region's id (a link may point at it); the caption's is `<id>-caption`. */
  id: string;
  caption: ReactNode;
  /** A title above the table; otherwise the caption is for screen readers only (a heading on the page says it). */
  captionVisible?: boolean;
  /** What names the scrolling region: a heading's id; by default, the caption. */
  labelledBy?: string;
  /** A column left out (`false`) is not shown, e.g. one that applies only to some tables of its kind. */
  columns: (TTableColumn<TRow> | false)[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  /** The region's classes besides scrolling: its margin (default mb-8), e.g. `mb-8 hidden sm:block`. */
  className?: string;
}) {
  const shown = columns.filter((column): column is TTableColumn<TRow> => column !== false);
  const cellClass = (column: TTableColumn<TRow>, index: number) =>
    [
      "py-2",
      index < shown.length - 1 ? "pr-4" : "",
      column.numeric ? "text-right tabular-nums whitespace-nowrap" : "",
      column.className ?? "",
    ]
      .filter(Boolean)
      .join(" ");
  return (
    <div id={id} className={`overflow-x-auto ${className}`.trim()} role="region" aria-labelledby={labelledBy ?? `${id}-caption`} tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption id={`${id}-caption`} className={captionVisible ? "mb-2 text-left text-xl font-bold" : "sr-only"}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {shown.map((column, index) => (
              <th key={column.key} scope="col" className={cellClass({ ...column, className: "" }, index)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-line align-top">
              {shown.map((column, index) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={`${cellClass(column, index)} font-normal`}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column, index)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
