/**
 * GET /statistics/data/<table>.<csv|json>: the public statistics as open data (政务公开), for anyone, the same in
 * every language — departments.csv|json, services.csv|json, cases-concluded.csv|json — and datapackage.json, which
 * describes every field (lib/statistics/open-data-fields.ts; for people: docs/OPEN-DATA.md). CSV is UTF-8 with a BOM,
 * formulas defused (lib/csv/csv.ts); JSON is `{ table, generatedAt, licence, fields, records }`.
 */
import { notFound } from "next/navigation";
import { getDb, getReadDb } from "@/db/client";
import { CSV_BYTE_ORDER_MARK, csvLine } from "@/lib/csv/csv";
import { OPEN_DATA_LICENCE, OPEN_DATA_PACKAGE_PATH, openDataFields, openDataFormats, openDataPath, openDataTables, type TOpenDataFormat, type TOpenDataTable } from "@/lib/statistics/open-data-fields";
import { readCurrentTime } from "@/server/clock";
import { buildOpenData } from "@/server/statistics/build-open-data";

export const dynamic = "force-dynamic";

// Figures change as cases conclude; five minutes old is fresh enough for a public file, and spares the database.
const cacheHeaders = { "cache-control": "public, max-age=300" };

function parseFile(file: string): { table: TOpenDataTable; format: TOpenDataFormat } | null {
  const dot = file.lastIndexOf(".");
  const [table, format] = [file.slice(0, dot), file.slice(dot + 1)];
  if (!(openDataTables as readonly string[]).includes(table) || !(openDataFormats as readonly string[]).includes(format)) return null;
  return { table: table as TOpenDataTable, format: format as TOpenDataFormat };
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === OPEN_DATA_PACKAGE_PATH.split("/").at(-1)) return Response.json(dataPackage(), { headers: cacheHeaders });
  const parsed = typeof file === "string" ? parseFile(file) : null;
  if (!parsed) notFound();
  const { now } = await readCurrentTime();
  const records = await buildOpenData({ db: getReadDb(), primary: getDb(), table: parsed.table, now });
  const fields = openDataFields[parsed.table];
  if (parsed.format === "json") {
    return Response.json(
      { table: parsed.table, generatedAt: now.toISOString(), licence: OPEN_DATA_LICENCE, schema: OPEN_DATA_PACKAGE_PATH, fields: fields.map((field) => field.name), records },
      { headers: cacheHeaders },
    );
  }
  const body = CSV_BYTE_ORDER_MARK + csvLine(fields.map((field) => field.name)) + records.map((record) => csvLine(fields.map((field) => record[field.name]))).join("");
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${parsed.table}.csv"`, ...cacheHeaders },
  });
}

/** A Frictionless data package: each file with its Table Schema, so a program can read the fields' types. */
function dataPackage() {
  return {
    name: "onedoor-statistics",
    title: "OneDoor public statistics (政务公开)",
    licenses: [OPEN_DATA_LICENCE],
    resources: openDataTables.flatMap((table) =>
      openDataFormats.map((format) => ({
        name: `${table}-${format}`,
        path: openDataPath(table, format),
        format,
        mediatype: format === "csv" ? "text/csv" : "application/json",
        encoding: format === "csv" ? "utf-8-sig" : "utf-8",
        schema: { fields: openDataFields[table] },
      })),
    ),
  };
}
