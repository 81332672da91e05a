import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CaseStatusTag } from "@/components/cases/status-tag";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { listMyCases, myCaseFilters, type TMyCaseFilter } from "@/server/cases/list-my-cases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("counter"))("casesTitle") };
}

const searchFields = { status: z.enum(myCaseFilters), after: z.string() };

const filterHref = (status: TMyCaseFilter, after?: string) => {
  const query = new URLSearchParams({ ...(status === "all" ? {} : { status }), ...(after ? { after } : {}) }).toString();
  return `/counter/cases${query ? `?${query}` : ""}`;
};

/** The cases this counter clerk filed for walk-in applicants, newest first, in keyset pages: nobody else's. */
export default async function CounterCasesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/counter/cases", returnTo: "/counter/cases" });
  const t = await getTranslations("counter");
  const tm = await getTranslations("me");
  const locale = (await getLocale()) as Locale;
  const { status = "all", after } = readSearchParams(await searchParams, searchFields);
  const filed = await listMyCases({ db: getDb(), actor, filter: status, cursor: after });
  return (
    <div>
      <PageHeading caption={nameForReader(actor.displayName, locale)}>{t("casesTitle")}</PageHeading>
      <p className="mb-6">
        <Link href="/counter">{t("backToCounter")}</Link>
      </p>
      <TabNav
        label={tm("filterLabel")}
        current={status}
        tabs={myCaseFilters.map((name) => ({ key: name, href: filterHref(name), label: t(`filters.${name}`), count: filed.counts[name] }))}
      />
      {filed.cases.length === 0 ? (
        <p className="mb-6">{filed.counts.all === 0 ? t("casesEmpty") : tm("emptyFilter")}</p>
      ) : (
        <>
          {/* A phone gets one block per case; wider screens the table. */}
          <ul className="mb-8 sm:hidden">
            {filed.cases.map((item) => (
              <li key={item.number} className="border-b border-line py-3">
                <Link href={`/counter/cases/${item.number}`} className="font-semibold">
                  {localize(item.subjectName, locale)}
                </Link>
                <span className="mt-1 block">
                  <CaseStatusTag status={item.status} />
                </span>
                <span className="mt-1 block font-mono text-base break-all">{item.number}</span>
                <span className="block text-base text-muted">
                  {item.companyName ? nameForReader(item.companyName, locale, "company") : nameForReader(item.applicantName, locale)} ·{" "}
                  {tm("submittedOn", { date: formatDate(item.submittedAt, locale) })}
                </span>
              </li>
            ))}
          </ul>
          <DataTable
            id="filed-cases"
            className="mb-8 hidden sm:block"
            caption={t("casesCaption", { filter: t(`filters.${status}`) })}
            rows={filed.cases}
            rowKey={(item) => item.number}
            columns={[
              {
                key: "service",
                header: tm("service"),
                cell: (item) => (
                  <Link href={`/counter/cases/${item.number}`} className="font-semibold">
                    {localize(item.subjectName, locale)}
                  </Link>
                ),
              },
              { key: "number", header: tm("number"), className: "font-mono text-base break-all", cell: (item) => item.number },
              {
                key: "applicant",
                header: t("applicant"),
                cell: (item) => (item.companyName ? nameForReader(item.companyName, locale, "company") : nameForReader(item.applicantName, locale)),
              },
              { key: "submitted", header: tm("submitted"), className: "whitespace-nowrap", cell: (item) => formatDate(item.submittedAt, locale) },
              { key: "status", header: tm("status"), cell: (item) => <CaseStatusTag status={item.status} /> },
            ]}
          />
        </>
      )}
      {filed.nextCursor || filed.after ? (
        <nav aria-label={tm("pagination")} className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          {filed.after ? <Link href={filterHref(status)}>{tm("firstPage")}</Link> : null}
          {filed.nextCursor ? (
            <Link href={filterHref(status, filed.nextCursor)} rel="next" className="font-semibold">
              {tm("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
