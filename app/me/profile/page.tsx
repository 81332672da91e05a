import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { maskMobile, maskIdentifier } from "@/lib/identifiers/mask";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { getMyProfile } from "@/server/identity/get-my-profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

/**
 * The person's identity as the register holds it (one source, never typed again), masked: a shoulder-surfer or a
 * shared screen learns nothing usable. Corrections go to the register, not to this page.
 */
export default async function ProfilePage() {
  const actor = await requireActor({ page: "/me/profile", returnTo: "/me/profile" });
  const t = await getTranslations("profile");
  const profile = await getMyProfile({ db: getDb(), actor });
  const locale = (await getLocale()) as Locale;
  const missing = t("notRecorded");
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("lead")}</p>
      <SummaryList
        rows={[
          { key: t("name"), value: nameForReader(profile.displayName, locale) },
          { key: t("idNumber"), value: profile.residentIdNumber ? <span className="font-mono">{maskIdentifier(profile.residentIdNumber)}</span> : missing },
          { key: t("mobile"), value: profile.mobile ? <span className="font-mono">{maskMobile(profile.mobile)}</span> : missing },
        ]}
      />
      {profile.companies.length > 0 ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">{t("companiesTitle")}</h2>
          <ul className="mb-8 space-y-3">
            {profile.companies.map((company) => (
              <li key={company.uscc} className="border-2 border-line p-4">
                <span className="block font-semibold">{nameForReader(company.name, locale, "company")}</span>
                <span className="block font-mono text-base">{company.uscc}</span>
                <span className="block text-muted">{t(`companyRole.${company.role}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mb-8 text-muted">{t("correctionHint")}</p>
      <h2 className="mb-3 text-2xl font-bold">{t("dataTitle")}</h2>
      <p className="mb-4">{t("dataLead")}</p>
      {/* A download, not a page: a plain link works without JavaScript and Next must not prefetch it. */}
      <p>
        <a href="/me/data" download className="font-semibold">
          {t("dataDownload")}
        </a>
      </p>
    </div>
  );
}
