import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CatalogCard } from "@/components/catalog/catalog-card";
import { localize, type Locale } from "@/lib/i18n/locales";
import { listCatalog, listTopics } from "@/server/catalog/list-catalog";

export default async function HomePage() {
  const t = await getTranslations("home");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;
  const db = getDb();
  const [{ bundles }, topics] = await Promise.all([listCatalog({ db, filters: {} }), listTopics({ db })]);
  return (
    <>
      <section className="mb-10">
        <h1 className="mb-3 text-3xl font-bold leading-tight sm:text-5xl">{t("title")}</h1>
        <p className="mb-6 max-w-3xl text-xl">{t("lead")}</p>
        <form action="/services" method="get" role="search" className="max-w-2xl">
          <label htmlFor="home-search" className="mb-1 block text-xl font-bold">
            {t("searchLabel")}
          </label>
          <p id="home-search-hint" className="mb-2 text-muted">
            {t("searchHint")}
          </p>
          <div className="flex">
            <input
              id="home-search"
              name="q"
              type="search"
              aria-describedby="home-search-hint"
              className="min-w-0 flex-1 border-2 border-ink px-3 py-2"
            />
            <button type="submit" className="cursor-pointer bg-brand px-5 font-semibold text-white hover:bg-brand-dark">
              {t("searchButton")}
            </button>
          </div>
        </form>
      </section>

      <section className="mb-10" aria-labelledby="bundles-heading">
        <h2 id="bundles-heading" className="text-2xl font-bold">
          {t("bundlesTitle")}
        </h2>
        <p className="text-muted">{t("bundlesLead")}</p>
        <ul>
          {bundles.map((bundle) => (
            <CatalogCard
              key={bundle.code}
              href={`/services/${bundle.code}`}
              name={localize(bundle.name, locale)}
              meta={`${tc("bundle")} · ${tc(`applicantType.${bundle.applicantType}`)}`}
              summary={localize(bundle.summary, locale)}
            />
          ))}
        </ul>
      </section>

      <section className="mb-10" aria-labelledby="topics-heading">
        <h2 id="topics-heading" className="mb-3 text-2xl font-bold">
          {t("topicsTitle")}
        </h2>
        <ul className="grid gap-x-8 gap-y-2 sm:grid-cols-2 md:grid-cols-3">
          {topics.map((topic) => (
            <li key={topic}>
              <Link href={`/services?topic=${topic}`} className="font-semibold">
                {tc(`topics.${topic}`)}
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-6">
          <Link href="/services">{t("allServices")}</Link>
        </p>
      </section>
    </>
  );
}
