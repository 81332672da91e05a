/**
 * The open-data downloads of /statistics (app/statistics/data/[file]/route.ts): each table as CSV and JSON at its
 * fixed address, and the data package that describes every field (docs/OPEN-DATA.md says the same for people).
 */
import { getTranslations } from "next-intl/server";
import { OPEN_DATA_PACKAGE_PATH, openDataFormats, openDataPath, openDataTables, type TOpenDataTable } from "@/lib/statistics/open-data-fields";

const nameKeys: Record<TOpenDataTable, "openDataDepartments" | "openDataServices" | "openDataCases"> = {
  departments: "openDataDepartments",
  services: "openDataServices",
  "cases-concluded": "openDataCases",
};

export async function OpenDataLinks() {
  const t = await getTranslations("statistics");
  return (
    <>
      <p className="mb-4 max-w-3xl">{t("openDataLead")}</p>
      <ul className="mb-10 list-disc space-y-2 pl-6">
        {openDataTables.map((table) => (
          <li key={table}>
            {openDataFormats.map((format) => (
              <a key={format} className="mr-6 inline-block" href={openDataPath(table, format)} download={format === "csv" ? `${table}.csv` : undefined}>
                {t("openDataFile", { name: t(nameKeys[table]), format: format.toUpperCase() })}
              </a>
            ))}
          </li>
        ))}
        <li>
          <a href={OPEN_DATA_PACKAGE_PATH}>{t("openDataSchema")}</a>
        </li>
      </ul>
    </>
  );
}
