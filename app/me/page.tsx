import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CaseStatusTag } from "@/components/cases/status-tag";
import { DraftList } from "@/components/drafts/draft-list";
import { deleteDraftAction } from "@/app/apply/[code]/actions";
import { Notice } from "@/components/ui/notice";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { listMyCases, myCaseFilters, type TMyCaseFilter } from "@/server/cases/list-my-cases";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";
import { countUnreadOnce } from "@/server/notifications/count-unread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

const searchFields = { status: z.enum(myCaseFilters), after: z.string(), saved: z.string(), deleted: z.string() };

const filterHref = (status: TMyCaseFilter, after?: string) => {
  const query = new URLSearchParams({ ...(status === "all" ? {} : { status }), ...(after ? { after } : {}) }).toString();
  return `/me${query ? `?${query}` : ""}#cases`;
};

/** The applicant's home: their cases (filtered by status), drafts, and the ways to their inbox, wallet and profile. */
export default async function MyCasesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/me", returnTo: "/me" });
  const t = await getTranslations("me");
  const locale = (await getLocale()) as Locale;
  const { status = "all", after, saved, deleted } = readSearchParams(await searchParams, searchFields);
  const db = getDb();
  const [mine, drafts, unread] = await Promise.all([listMyCases({ db, actor, filter: status, cursor: after }), listMyDrafts({ db, actor }), countUnreadOnce(db, actor)]);
  const forCompanies = actor.companyIds.length > 0;
  return (
    <>
      {saved ? (
        <Notice tone="success" title={t("savedNotice")}>
          {t("savedBody")}
        </Notice>
      ) : null}
      {deleted ? <Notice title={t("deletedNotice")} /> : null}
      <PageHeading caption={nameForReader(actor.displayName, locale)}>{t("title")}</PageHeading>
      <nav aria-label={t("sectionsLabel")} className="mb-8">
        <ul className="grid gap-3 sm:grid-cols-3">
          <li>
            <Link href="/me/inbox" className="block h-full border-2 border-line p-4 font-semibold">
              {t("inbox")}
              <span className="block font-normal text-muted">{t("unread", { count: unread })}</span>
            </Link>
          </li>
          <li>
            <Link href="/me/licences" className="block h-full border-2 border-line p-4 font-semibold">
              {t("licences")}
              <span className="block font-normal text-muted">{t("licencesHint")}</span>
            </Link>
          </li>
          <li>
            <Link href="/me/profile" className="block h-full border-2 border-line p-4 font-semibold">
              {t("profile")}
              <span className="block font-normal text-muted">{t("profileHint")}</span>
            </Link>
          </li>
        </ul>
      </nav>
      <DraftList drafts={drafts} locale={locale} deleteAction={deleteDraftAction} />

      <h2 id="cases" className="mb-3 text-2xl font-bold">
        {t("casesTitle")}
      </h2>
      <TabNav
        label={t("filterLabel")}
        current={status}
        tabs={myCaseFilters.map((name) => ({ key: name, href: filterHref(name), label: t(`filters.${name}`), count: mine.counts[name] }))}
      />
      {mine.counts.all === 0 ? (
        <p className="mb-6">
          {t("empty")} <Link href="/services">{t("findService")}</Link>
        </p>
      ) : mine.cases.length === 0 ? (
        <p className="mb-6">{t("emptyFilter")}</p>
      ) : (
        <>
          {/* A phone gets one block per case (a five-column table would hide the status off-screen); wider screens the table. */}
          <ul className="mb-8 sm:hidden">
            {mine.cases.map((item) => (
              <li key={item.number} className="border-b border-line py-3">
                <Link href={`/me/cases/${item.number}`} className="font-semibold">
                  {localize(item.subjectName, locale)}
                </Link>
                <span className="mt-1 block">
                  <CaseStatusTag status={item.status} />
                </span>
                <span className="mt-1 block font-mono text-base break-all">{item.number}</span>
                <span className="block text-base text-muted">
                  {forCompanies ? `${item.companyName ? nameForReader(item.companyName, locale, "company") : t("personal")} · ` : ""}
                  {t("submittedOn", { date: formatDate(item.submittedAt, locale) })}
                </span>
                {item.channel === "counter" ? <span className="block text-base text-muted">{t("filedAtCounter", { name: nameForReader(item.filerName ?? "", locale) })}</span> : null}
              </li>
            ))}
          </ul>
          <DataTable
            id="case-table"
            className="mb-8 hidden sm:block"
            caption={t("casesCaption", { filter: t(`filters.${status}`) })}
            rows={mine.cases}
            rowKey={(item) => item.number}
            columns={[
              {
                key: "service",
                header: t("service"),
                cell: (item) => (
                  <>
                    <Link href={`/me/cases/${item.number}`} className="font-semibold">
                      {localize(item.subjectName, locale)}
                    </Link>
                    {item.channel === "counter" ? <span className="block text-base text-muted">{t("filedAtCounter", { name: nameForReader(item.filerName ?? "", locale) })}</span> : null}
                  </>
                ),
              },
              { key: "number", header: t("number"), className: "font-mono text-base break-all", cell: (item) => item.number },
              forCompanies && { key: "applicant", header: t("applicant"), cell: (item) => (item.companyName ? nameForReader(item.companyName, locale, "company") : t("personal")) },
              { key: "submitted", header: t("submitted"), className: "whitespace-nowrap", cell: (item) => formatDate(item.submittedAt, locale) },
              { key: "status", header: t("status"), cell: (item) => <CaseStatusTag status={item.status} /> },
            ]}
          />
        </>
      )}
      {mine.nextCursor || mine.after ? (
        <nav aria-label={t("pagination")} className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          {mine.after ? <Link href={filterHref(status)}>{t("firstPage")}</Link> : null}
          {mine.nextCursor ? (
            <Link href={filterHref(status, mine.nextCursor)} rel="next" className="font-semibold">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
