import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CaseStatusTag } from "@/components/cases/status-tag";
import { DraftList } from "@/components/drafts/draft-list";
import { deleteDraftAction } from "@/app/apply/[code]/actions";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listMyCases, myCaseFilters, type TMyCaseFilter } from "@/server/cases/list-my-cases";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";
import { countUnread } from "@/server/notifications/count-unread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

const searchFields = { status: z.enum(myCaseFilters), saved: z.string(), deleted: z.string() };

const filterHref = (status: TMyCaseFilter) => (status === "all" ? "/me#cases" : `/me?status=${status}#cases`);

/** The applicant's home: their cases (filtered by status), drafts, and the ways to their inbox, wallet and profile. */
export default async function MyCasesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/me", returnTo: "/me" });
  const t = await getTranslations("me");
  const locale = (await getLocale()) as Locale;
  const { status = "all", saved, deleted } = readSearchParams(await searchParams, searchFields);
  const db = getDb();
  const [mine, drafts, unread] = await Promise.all([listMyCases({ db, actor, filter: status }), listMyDrafts({ db, actor }), countUnread({ db, actor })]);
  const forCompanies = actor.companyIds.length > 0;
  return (
    <>
      {saved ? (
        <Notice tone="success" title={t("savedNotice")}>
          {t("savedBody")}
        </Notice>
      ) : null}
      {deleted ? <Notice title={t("deletedNotice")} /> : null}
      <PageHeading caption={actor.displayName}>{t("title")}</PageHeading>
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
                  {forCompanies ? `${item.companyName ?? t("personal")} · ` : ""}
                  {t("submittedOn", { date: formatDate(item.submittedAt, locale) })}
                </span>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="mb-8 w-full border-collapse text-left">
              <caption className="sr-only">{t("casesCaption", { filter: t(`filters.${status}`) })}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">{t("service")}</th>
                  <th scope="col" className="py-2 pr-4">{t("number")}</th>
                  {forCompanies ? <th scope="col" className="py-2 pr-4">{t("applicant")}</th> : null}
                  <th scope="col" className="py-2 pr-4">{t("submitted")}</th>
                  <th scope="col" className="py-2">{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.cases.map((item) => (
                  <tr key={item.number} className="border-b border-line align-top">
                    <td className="py-3 pr-4">
                      <Link href={`/me/cases/${item.number}`} className="font-semibold">
                        {localize(item.subjectName, locale)}
                      </Link>
                    </td>
                    <td className="py-3 pr-4 font-mono text-base break-all">{item.number}</td>
                    {forCompanies ? <td className="py-3 pr-4">{item.companyName ?? t("personal")}</td> : null}
                    <td className="py-3 pr-4 whitespace-nowrap">{formatDate(item.submittedAt, locale)}</td>
                    <td className="py-3">
                      <CaseStatusTag status={item.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
