import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CatalogCard } from "@/components/catalog/catalog-card";
import { Button } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { listCatalog, listDepartments, listTopics, ZCatalogFilters } from "@/server/catalog/list-catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("title") };
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const t = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;
  // Each filter on its own: a malformed one (a NUL, a made-up code) is no filter, the others still apply.
  const filters = readSearchParams(await searchParams, ZCatalogFilters.shape);
  const db = getDb();
  const [catalog, departments, topics] = await Promise.all([listCatalog({ db, filters }), listDepartments({ db }), listTopics({ db })]);
  const total = catalog.services.length + catalog.bundles.length;
  const selectClass = "block w-full border-2 border-ink bg-white px-2 py-1.5";

  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <div className="grid gap-8 md:grid-cols-[18rem_1fr]">
        <form method="get" action="/services" className="self-start bg-panel p-4" aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="mb-3 text-xl font-bold">
            {t("filters")}
          </h2>
          <div className="mb-4">
            <label htmlFor="q" className="block font-semibold">
              {t("search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} className={selectClass} />
          </div>
          <div className="mb-4">
            <label htmlFor="department" className="block font-semibold">
              {t("department")}
            </label>
            <select id="department" name="department" defaultValue={filters.department ?? ""} className={selectClass}>
              <option value="">{t("any")}</option>
              {departments.map((department) => (
                <option key={department.code} value={department.code}>
                  {localize(department.name, locale)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="mb-4">
            <legend className="font-semibold">{t("applicantTypeLabel")}</legend>
            {(["", "natural", "legal"] as const).map((value) => (
              <label key={value || "any"} className="mt-1 flex items-center gap-2">
                <input type="radio" name="applicantType" value={value} defaultChecked={(filters.applicantType ?? "") === value} className="size-5" />
                {value ? t(`applicantType.${value}`) : t("any")}
              </label>
            ))}
          </fieldset>
          <div className="mb-4">
            <label htmlFor="topic" className="block font-semibold">
              {t("topic")}
            </label>
            <select id="topic" name="topic" defaultValue={filters.topic ?? ""} className={selectClass}>
              <option value="">{t("any")}</option>
              {topics.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`topics.${topic}`)}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">{t("apply")}</Button>
        </form>

        <div>
          <p role="status" className="mb-2 font-semibold">
            {t("resultCount", { count: total })}
          </p>
          {catalog.bundles.length > 0 ? (
            <section aria-labelledby="bundle-results">
              <h2 id="bundle-results" className="mt-4 text-2xl font-bold">
                {t("bundles")}
              </h2>
              <ul>
                {catalog.bundles.map((bundle) => (
                  <CatalogCard
                    key={bundle.code}
                    href={`/services/${bundle.code}`}
                    name={localize(bundle.name, locale)}
                    meta={`${t("bundle")} · ${t(`applicantType.${bundle.applicantType}`)}`}
                    summary={localize(bundle.summary, locale)}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          {catalog.services.length > 0 ? (
            <section aria-labelledby="service-results">
              <h2 id="service-results" className="mt-6 text-2xl font-bold">
                {t("services")}
              </h2>
              <ul>
                {catalog.services.map((service) => (
                  <CatalogCard
                    key={service.code}
                    href={`/services/${service.code}`}
                    name={localize(service.name, locale)}
                    meta={`${localize(service.departmentName, locale)} · ${t(`applicantType.${service.applicantType}`)} · ${
                      service.kind === "instant" ? t("instant") : t("promisedDays", { days: service.promisedLimitDays })
                    }`}
                    summary={localize(service.summary, locale)}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          {total === 0 ? <p className="mt-4">{t("noResults")}</p> : null}
        </div>
      </div>
    </>
  );
}
