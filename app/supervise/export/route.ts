/**
 * GET /supervise/export?table=departments|services|volumes&from=&to=: one dashboard table as a CSV file for Excel
 * (UTF-8 with BOM, formulas defused: lib/csv/csv.ts), headers in the reader's language, streamed row by row.
 * Figures only, per department, service or period: no case, applicant or answer of any data class is exported
 * (lib/forms/data-class.ts; route.test.ts checks the file holds none of the counted cases' answers).
 */
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb, getReadDb } from "@/db/client";
import { toIsoDate } from "@/lib/calendar/working-days";
import { CSV_BYTE_ORDER_MARK, csvLine, type TCsvCell } from "@/lib/csv/csv";
import { readSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { allFigureColumns, csvFigure } from "@/lib/supervision/figure-columns";
import { parseReportRange } from "@/lib/supervision/report-range";
import { requireActor } from "@/server/auth/require-actor";
import { translatorFor } from "@/server/i18n/translator";
import { readCurrentTime } from "@/server/clock";
import { computeSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { listVolumeSeries } from "@/server/supervision/list-volume-series";
import { periodOf } from "@/lib/supervision/report-range";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const actor = await requireActor({ handler: "/supervise/export", method: "GET", returnTo: `/supervise/export${url.search}` });
  const locale = (await getLocale()) as Locale;
  // Not getTranslations: a route handler is called outside a page's request by the tests too (server/i18n/translator.ts).
  const translate = translatorFor(locale) as unknown as (key: string) => string;
  const t = (key: string) => translate(`supervise.${key}`);
  const te = (code: string) => translate(`errors.${code}`);
  const { now } = await readCurrentTime();
  const query = readSearchParams(Object.fromEntries(url.searchParams), { table: z.enum(["departments", "services", "volumes"]), from: z.string().max(32), to: z.string().max(32) });
  const parsed = parseReportRange({ from: query.from, to: query.to }, toIsoDate(now));
  if (!query.table || !parsed.ok) return new Response(te(parsed.ok ? "invalid:input" : parsed.code), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { range } = parsed;
  const db = getReadDb();
  const header = (key: string, kind: string) => `${t(`figures.${key}`)}${kind === "share" ? " (%)" : ""}`;
  let lines: TCsvCell[][];
  if (query.table === "volumes") {
    const series = await listVolumeSeries({ db, primary: getDb(), actor, range, period: periodOf(range), now });
    if (!series.ok) return new Response(te(series.code), { status: 403 });
    lines = [
      [t(series.period), header("received", "count"), header("concluded", "count"), header("onTimeRate", "share")],
      ...series.rows.map((row) => [row.period, row.received, row.concluded, csvFigure(row.onTimeRate, "share")]),
    ];
  } else {
    const group = query.table === "departments" ? "department" : "service";
    const figures = await computeSupervisionFigures({ db, primary: getDb(), actor, range, group, now });
    if (!figures.ok) return new Response(te(figures.code), { status: 403 });
    lines = [
      [...(group === "service" ? [t("service")] : []), t("department"), ...allFigureColumns.map((column) => header(column.key, column.kind))],
      ...figures.rows.map((row) => [
        ...(group === "service" ? [row.serviceName ? localize(row.serviceName, locale) : ""] : []),
        localize(row.departmentName, locale),
        ...allFigureColumns.map((column) => csvFigure(row[column.key], column.kind)),
      ]),
    ];
  }
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK));
    },
    pull(controller) {
      if (next >= lines.length) return controller.close();
      controller.enqueue(encoder.encode(csvLine(lines[next])));
      next += 1;
    },
  });
  const fileName = `supervision-${query.table}-${range.from}-${range.to}.csv`;
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "private, no-store" },
  });
}
