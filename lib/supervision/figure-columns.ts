/**
 * The dashboard's figures as columns, one list for the page's tables and for their CSV files, so a download holds
 * exactly what the table shows. Headers are message keys under "supervise.figures"; values are raw numbers, which
 * the page formats in the reader's language and the CSV writes as numbers (shares as percentages).
 */

/** One department's (or service's) figures: server/supervision/compute-supervision-figures.ts defines each. */
export type TFigureValues = {
  received: number;
  concluded: number;
  approved: number;
  refused: number;
  rejected: number;
  withdrawn: number;
  onTimeRate: number | null;
  averageDays: number | null;
  p90Days: number | null;
  supplementRate: number | null;
  extensions: number;
  overdueNow: number;
  ratings: number;
  ratingAverage: number | null;
  dissatisfiedShare: number | null;
  openFollowUps: number;
  yellowCards: number;
  redCards: number;
  urgingsSent: number;
  urgingsOpen: number;
  urgingsAnsweredLate: number;
  urgingsOpenLate: number;
};

/** How a value reads: a count; a share of 0–1; working days (one decimal); an average rating of 1–5 (one decimal). */
export type TFigureKind = "count" | "share" | "days" | "rating";

export type TFigureColumn = { key: keyof TFigureValues; kind: TFigureKind };

const column = (key: keyof TFigureValues, kind: TFigureKind = "count"): TFigureColumn => ({ key, kind });

export const handlingColumns: TFigureColumn[] = [
  column("received"),
  column("concluded"),
  column("approved"),
  column("refused"),
  column("rejected"),
  column("withdrawn"),
  column("onTimeRate", "share"),
  column("averageDays", "days"),
  column("p90Days", "days"),
  column("supplementRate", "share"),
  column("extensions"),
  column("overdueNow"),
];

export const ratingColumns: TFigureColumn[] = [column("ratings"), column("ratingAverage", "rating"), column("dissatisfiedShare", "share"), column("openFollowUps")];

export const cardColumns: TFigureColumn[] = [column("yellowCards"), column("redCards"), column("overdueNow")];

/** Urging notices (督办): sent in the range, open now, answered late in the range, open past their deadline now. */
export const urgingColumns: TFigureColumn[] = [column("urgingsSent"), column("urgingsOpen"), column("urgingsAnsweredLate"), column("urgingsOpenLate")];

export const allFigureColumns: TFigureColumn[] = [...handlingColumns, ...ratingColumns, column("yellowCards"), column("redCards"), ...urgingColumns];

/** The number a CSV cell holds: shares as percentages, days and ratings to one decimal, nothing for "no data". */
export function csvFigure(value: number | null, kind: TFigureKind): number | null {
  if (value === null) return null;
  if (kind === "share") return Math.round(value * 1000) / 10;
  if (kind === "days" || kind === "rating") return Math.round(value * 10) / 10;
  return value;
}
