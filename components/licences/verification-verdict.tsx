import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TLicenceVerification } from "@/server/licences/verify-licence";

const panels: Record<TLicenceVerification["state"], { mark: string; className: string }> = {
  valid: { mark: "✓", className: "border-go bg-[#e6f2ec]" },
  revoked: { mark: "✕", className: "border-danger bg-[#fbe9ea]" },
  expired: { mark: "!", className: "border-warn bg-[#fff4e0]" },
  forged: { mark: "✕", className: "border-danger bg-[#fbe9ea]" },
  "not-found": { mark: "?", className: "border-muted bg-panel" },
};

/** /verify's verdict, first and in words: the page of a licence and the 404 page of an unknown id both show it. */
export async function VerificationVerdict({ result, checkedAt, locale }: { result: TLicenceVerification; checkedAt: Date; locale: Locale }) {
  const t = await getTranslations("verify");
  const state = result.state === "not-found" ? "notFound" : result.state;
  const panel = panels[result.state];
  return (
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
        <time dateTime={checkedAt.toISOString()}>{t("checkedAt", { time: formatDateTime(checkedAt, locale) })}</time>
      </p>
    </section>
  );
}

/** Where anyone can check a signature themselves: the published keys, under every verdict. */
export async function SigningKeysNote() {
  const t = await getTranslations("verify");
  return (
    <>
      <h2 className="mb-2 text-xl font-bold">{t("keysTitle")}</h2>
      <p className="mb-8">
        {t("keysBody")} <a href="/api/v1/licences/keys">{t("keysLink")}</a>
      </p>
    </>
  );
}
