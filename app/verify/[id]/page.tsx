import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { HolderCheckForm } from "@/components/licences/holder-check-form";
import { SigningKeysNote, VerificationVerdict } from "@/components/licences/verification-verdict";
import { checkHolderAction } from "./actions";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { formatLicenceValue } from "@/lib/licences/format-licence-value";
import { verifyLicence } from "@/server/licences/verify-licence";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Public e-licence verification, for anyone who holds a licence or scanned its QR code: no sign-in. The verdict
 * comes first, in words; then only what the licence prints, personal numbers masked; then, for a person's licence,
 * the holder check: type the number on the ID card shown, get yes or no (a form post, the number in no address).
 */
export default async function VerifyPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const now = new Date();
  const result = await verifyLicence({ db: getDb(), licenceId: id, query: await searchParams, today: toIsoDate(now) });
  // An id never issued answers 404 (not-found.tsx beside this page shows the same verdict), so a checker, a crawler
  // or a monitoring tool reads "no such licence" from the status too.
  if (result.state === "not-found") notFound();
  const t = await getTranslations("verify");
  const locale = (await getLocale()) as Locale;

  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      {"licence" in result ? <p className="mb-6">{t("lead")}</p> : null}
      <VerificationVerdict result={result} checkedAt={now} locale={locale} />

      {"licence" in result ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">{t("printedTitle")}</h2>
          <SummaryList
            rows={[
              { key: t("licenceTitle"), value: localize(result.licence.title, locale) },
              { key: t("number"), value: <span className="font-mono break-all">{result.licence.number}</span> },
              { key: t("holder"), value: nameForReader(result.licence.holderName, locale, result.licence.holderNumber?.kind === "uscc" ? "company" : "person") },
              ...(result.licence.holderNumber
                ? [{ key: t(result.licence.holderNumber.kind === "uscc" ? "uscc" : "idNumber"), value: <span className="font-mono break-all">{result.licence.holderNumber.value}</span> }]
                : []),
              ...result.licence.fields.map((field) => ({ key: localize(field.label, locale), value: formatLicenceValue(field.value, locale) })),
              { key: t("issuer"), value: localize(result.licence.issuerName, locale) },
              { key: t("issuedAt"), value: formatDate(result.licence.issuedAt, locale) },
              { key: t("validFrom"), value: formatDate(result.licence.validFrom, locale) },
              { key: t("validUntil"), value: result.licence.validUntil ? formatDate(result.licence.validUntil, locale) : t("permanent") },
              { key: t("signature"), value: t("signedWith", { keyId: result.licence.keyId }) },
            ]}
          />
          <p className="mb-2 text-base text-muted">{t("printedNote")}</p>
          {result.licence.holderNumber?.kind === "id-number" || result.licence.fields.some((field) => field.value.includes("*")) ? <p className="mb-8 text-base text-muted">{t("maskNote")}</p> : null}
          {result.licence.holderCheck ? <HolderCheckForm licenceId={result.licence.id} checkAction={checkHolderAction} /> : null}
        </>
      ) : null}

      <SigningKeysNote />
    </div>
  );
}
