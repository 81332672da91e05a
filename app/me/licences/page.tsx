import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { LicenceStateTag } from "@/components/licences/licence-state-tag";
import { LicenceValidity } from "@/components/licences/licence-validity";
import { PageHeading } from "@/components/ui/page-heading";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { listMyLicences } from "@/server/licences/list-my-licences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("licences"))("title") };
}

const pageFields = { older: z.string().max(300), newer: z.string().max(300) };

/**
 * The e-licence wallet: each licence as a card (a table would not fit a phone), newest first, with its state; a page
 * at a time, with plain links to older and newer pages (`?older=` / `?newer=`), which work without JavaScript.
 */
export default async function MyLicencesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/me/licences", returnTo: "/me/licences" });
  const { older, newer } = readSearchParams(await searchParams, pageFields);
  const t = await getTranslations("licences");
  const tp = await getTranslations("licencePdf");
  const locale = (await getLocale()) as Locale;
  const { licences: wallet, older: olderPage, newer: newerPage } = await listMyLicences({ db: getDb(), actor, today: toIsoDate(new Date()), older, newer });

  return (
    <div className="max-w-3xl">
      <PageHeading caption={nameForReader(actor.displayName, locale)}>{t("title")}</PageHeading>
      <p className="mb-6">{t("lead")}</p>
      {wallet.length === 0 ? (
        <p className="mb-8">{t("empty")}</p>
      ) : (
        <>
          <ul aria-label={t("listLabel")} className="mb-4 border-t border-line">
            {wallet.map((licence) => (
              <li key={licence.id} aria-labelledby={`licence-${licence.id}`} className="border-b border-line py-4">
                <h2 id={`licence-${licence.id}`} className="text-xl font-bold leading-snug">
                  {localize(licence.title, locale)} <LicenceStateTag state={licence.state} />
                </h2>
                <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t("number")}</dt>
                  <dd className="font-mono break-all">{licence.number}</dd>
                  {licence.company ? (
                    <>
                      <dt className="font-semibold">{t("holder")}</dt>
                      <dd>{nameForReader(licence.holderName, locale, "company")}</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">{t("issuer")}</dt>
                  <dd>{localize(licence.issuerName, locale)}</dd>
                  <dt className="font-semibold">{t("validity")}</dt>
                  <dd>
                    <LicenceValidity validFrom={licence.validFrom} validUntil={licence.validUntil} locale={locale} />
                  </dd>
                </dl>
                {licence.state === "revoked" && licence.revokedAt ? (
                  <p className="mt-2 font-semibold">{t("revokedOn", { date: formatDate(licence.revokedAt, locale), reason: licence.revocationReason ?? "" })}</p>
                ) : null}
                <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                  <Link href={`/verify/${licence.id}`} className="font-semibold">
                    {t("verify")}
                    <span className="sr-only">
                      {" "}
                      {localize(licence.title, locale)} {licence.number}
                    </span>
                  </Link>
                  {/* A file download, not a page: a plain link, so Next neither prefetches nor routes it. */}
                  <a href={`/me/licences/${licence.id}/pdf`} className="font-semibold" download>
                    {tp("download")}
                    <span className="sr-only"> {localize(licence.title, locale)} {licence.number}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
          {wallet.some((licence) => licence.state !== "valid") ? <p className="mb-8 text-muted">{t("notUsable")}</p> : null}
        </>
      )}
      {newerPage || olderPage ? (
        <nav aria-label={t("pagination")} className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          {newerPage ? (
            <Link href={`/me/licences?${new URLSearchParams({ newer: newerPage })}`} rel="prev">
              {t("newerPage")}
            </Link>
          ) : null}
          {olderPage ? (
            <Link href={`/me/licences?${new URLSearchParams({ older: olderPage })}`} rel="next" className="font-semibold">
              {t("olderPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
