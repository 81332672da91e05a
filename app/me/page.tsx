import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CaseStatusTag } from "@/components/cases/status-tag";
import { DraftList } from "@/components/drafts/draft-list";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/session";
import { listMyCases } from "@/server/cases/list-my-cases";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

export default async function MyCasesPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  const actor = await requireActor({ roles: ["citizen", "enterprise"], returnTo: "/me" });
  const t = await getTranslations("me");
  const locale = (await getLocale()) as Locale;
  const { saved, deleted } = await searchParams;
  const db = getDb();
  const [cases, drafts] = await Promise.all([listMyCases({ db, actor }), listMyDrafts({ db, actor })]);
  return (
    <>
      {saved ? (
        <Notice tone="success" title={t("savedNotice")}>
          {t("savedBody")}
        </Notice>
      ) : null}
      {deleted ? <Notice title={t("deletedNotice")} /> : null}
      <PageHeading caption={actor.displayName}>{t("title")}</PageHeading>
      <p className="mb-6">
        <Link href="/me/licences" className="font-semibold">
          {t("licencesLink")}
        </Link>
        <span className="block text-muted">{t("licencesLead")}</span>
      </p>
      <DraftList drafts={drafts} locale={locale} />
      {cases.length === 0 ? (
        <p className="mb-6">
          {t("empty")} <Link href="/services">{t("findService")}</Link>
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="mb-8 w-full border-collapse text-left">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">{t("service")}</th>
                <th scope="col" className="py-2 pr-4">{t("number")}</th>
                <th scope="col" className="py-2 pr-4">{t("submitted")}</th>
                <th scope="col" className="py-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.number} className="border-b border-line align-top">
                  <td className="py-3 pr-4">
                    <Link href={`/me/cases/${item.number}`} className="font-semibold">
                      {localize(item.subjectName, locale)}
                    </Link>
                  </td>
                  <td className="py-3 pr-4 font-mono text-base break-all">{item.number}</td>
                  <td className="py-3 pr-4 whitespace-nowrap">{formatDate(item.submittedAt, locale)}</td>
                  <td className="py-3">
                    <CaseStatusTag status={item.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
