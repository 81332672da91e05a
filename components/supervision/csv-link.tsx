/** A download of one dashboard table as CSV (app/supervise/export/route.ts), for the same range. */
import { getTranslations } from "next-intl/server";
import type { TReportRange } from "@/lib/supervision/report-range";

export type TExportTable = "departments" | "services" | "volumes";

export async function CsvLink({ table, range, name }: { table: TExportTable; range: TReportRange; name: string }) {
  const t = await getTranslations("supervise");
  const query = new URLSearchParams({ table, from: range.from, to: range.to });
  return (
    <p className="mb-10">
      <a href={`/supervise/export?${query}`} download>
        {t("downloadCsv", { name })}
      </a>
    </p>
  );
}
