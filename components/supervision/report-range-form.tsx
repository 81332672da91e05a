/** The dashboard's date range: a plain GET form, so the range lives in the address and works without JavaScript. */
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { TReportRange } from "@/lib/supervision/report-range";

const inputClass = "mt-1 block w-full border-2 border-ink px-2 py-1 sm:w-48";

export async function ReportRangeForm({ range, error }: { range: TReportRange; error?: string }) {
  const t = await getTranslations("supervise");
  return (
    <form method="get" action="/supervise" className="mb-8 flex flex-wrap items-end gap-4 bg-panel p-4" aria-labelledby="range-heading">
      <h2 id="range-heading" className="w-full text-xl font-bold">
        {t("rangeTitle")}
      </h2>
      {error ? (
        <p id="range-error" role="alert" className="w-full border-l-4 border-danger pl-3 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <div className="w-full sm:w-auto">
        <label htmlFor="from" className="block font-semibold">
          {t("from")}
        </label>
        <input id="from" name="from" type="date" defaultValue={range.from} required aria-describedby={error ? "range-error" : undefined} className={inputClass} />
      </div>
      <div className="w-full sm:w-auto">
        <label htmlFor="to" className="block font-semibold">
          {t("to")}
        </label>
        <input id="to" name="to" type="date" defaultValue={range.to} required aria-describedby={error ? "range-error" : undefined} className={inputClass} />
      </div>
      <Button>{t("show")}</Button>
    </form>
  );
}
