import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { HolderCheckForm } from "@/components/licences/holder-check-form";
import { checkHolderAction } from "./actions";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { formatLicenceValue } from "@/lib/licences/format-licence-value";
import { verifyLicence, type TLicenceVerification } from "@/server/licences/verify-licence";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("verify"))("title"),
    // The QR code's address carries the licence's data (an old one even the holder's full ID number): never hand it
    // to another site, never index it. "same-origin", not "no-referrer": the holder check's form post must carry
    // its Origin, which Next checks before running a server action (no-referrer makes it "null").
    referrer: "same-origin",
    robots: { index: false, follow: false },
  };
}

const panels: Record<TLicenceVerification["state"], { mark: string; className: string }> = {
  valid: { mark: "✓", className: "border-go bg-[#e6f2ec]" },
  revoked: { mark: "✕", className: "border-danger bg-[#fbe9ea]" },
  expired: { mark: "!", className: "border-warn bg-[#fff4e0]" },
  forged: { mark: "✕", className: "border-danger bg-[#fbe9ea]" },
  "not-found": { mark: "?", className: "border-muted bg-panel" },
};

/**
 * Public e-licence verification, for anyone who holds a licence or scanned its QR code: no sign-in. The verdict
 * comes first, in words; then only what the licence prints, personal numbers masked; then, for a person's licence,
 * the holder check: type the number on the ID card shown, get yes or no (a form post, the number in no address).
 */
export default async function VerifyPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const now = new Date();
  const result = await verifyLicence({ db: getDb(), licenceId: id, query: await searchParams, today: toIsoDate(now) });
  const t = await getTranslations("verify");
  const locale = (await getLocale()) as Locale;
  const state = result.state === "not-found" ? "notFound" : result.state;
  const panel = panels[result.state];

  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      {"licence" in result ? <p className="mb-6">{t("lead")}</p> : null}
      <section aria-labelledby="verify-result" className={`mb-8 border-l-8 p-5 ${panel.className}`}>
        <p className="text-base font-semibold text-muted">{t("resultLabel")}</p>
        <h2 id="verify-result" className="flex items-start gap-3 text-2xl font-bold leading-snug">
          <span aria-hidden="true" className="shrink-0">
            {panel.mark}
          </span>
          <span>{t(`${state}.title`)}</span>
        </h2>
        <div className="mt-2 space-y-2">
          {result.state === "valid" ? <p>{t("valid.body", { issuer: localize(result.licence.issuerName, locale) })}</p> : null}
          {result.state === "revoked" ? (
            <>
              <p>{t("revoked.body", { issuer: localize(result.licence.issuerName, locale), date: formatDate(result.revokedAt!, locale) })}</p>
              <p className="font-semibold">{t("revoked.reason", { reason: result.revocationReason ?? "" })}</p>
            </>
          ) : null}
          {result.state === "expired" ? <p>{t("expired.body", { date: formatDate(result.licence.validUntil!, locale) })}</p> : null}
          {result.state === "forged" ? (
            <>
              <p>{t("forged.body")}</p>
              <p>{t(`forged.${result.where}`)}</p>
            </>
          ) : null}
          {result.state === "not-found" ? <p>{t("notFound.body")}</p> : null}
          {"link" in result && result.link === "legacy" ? <p>{t("legacyLink")}</p> : null}
        </div>
        <p className="mt-3 text-base text-muted">
          <time dateTime={now.toISOString()}>{t("checkedAt", { time: formatDateTime(now, locale) })}</time>
        </p>
      </section>

      {"licence" in result ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">{t("printedTitle")}</h2>
          <SummaryList
            rows={[
              { key: t("licenceTitle"), value: localize(result.licence.title, locale) },
              { key: t("number"), value: <span className="font-mono break-all">{result.licence.number}</span> },
              { key: t("holder"), value: result.licence.holderName },
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

      <h2 className="mb-2 text-xl font-bold">{t("keysTitle")}</h2>
      <p className="mb-8">
        {t("keysBody")} <a href="/api/v1/licences/keys">{t("keysLink")}</a>
      </p>
    </div>
  );
}
