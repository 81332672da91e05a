import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LicenceStateTag } from "@/components/licences/licence-state-tag";
import { RevokeLicenceForm } from "@/components/licences/revoke-licence-form";
import { revokeLicenceAction } from "./actions";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { maskIdentifier, maskPersonalNumbers } from "@/lib/identifiers/mask";
import { formatLicenceValue } from "@/lib/licences/format-licence-value";
import { requireActor } from "@/server/auth/require-actor";
import { getIssuedLicence } from "@/server/licences/get-issued-licence";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ revoked?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("licences"))("deskTitle") };
}

/**
 * A licence the clerk's department issued: what it prints (personal numbers masked, as on every staff page: the
 * task page reveals them with a purpose), its state, and the form to revoke it.
 */
export default async function IssuedLicencePage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/desk/licences/[id]", returnTo: `/desk/licences/${id}` });
  const result = await getIssuedLicence({ db: getDb(), actor, licenceId: id, today: toIsoDate(new Date()) });
  // Another department's licence is not shown here (anyone may still verify it publicly).
  if (!result.ok) notFound();
  const { licence } = result;
  const { revoked } = await searchParams;
  const t = await getTranslations("licences");
  const locale = (await getLocale()) as Locale;

  return (
    <div className="max-w-3xl">
      {actor.role === "clerk" ? (
        <p className="mb-4">{licence.taskId ? <Link href={`/desk/tasks/${licence.taskId}`}>{t("backToTask")}</Link> : <Link href="/desk">{t("backToDesk")}</Link>}</p>
      ) : null}
      {revoked === "1" && licence.revokedAt ? (
        <Notice tone="success" title={t("revokedNotice")}>
          <p>{t("revokedNoticeBody")}</p>
        </Notice>
      ) : null}
      <PageHeading caption={t("deskTitle")}>{localize(licence.title, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("status"), value: <LicenceStateTag state={result.state} /> },
          { key: t("number"), value: <span className="font-mono break-all">{licence.number}</span> },
          { key: t("holder"), value: nameForReader(licence.holderName, locale, licence.holderUscc ? "company" : "person") },
          ...(licence.holderUscc ? [{ key: t("holderUscc"), value: <span className="font-mono">{licence.holderUscc}</span> }] : []),
          ...(licence.holderIdNumber ? [{ key: t("holderIdNumber"), value: <span className="font-mono">{maskIdentifier(licence.holderIdNumber)}</span> }] : []),
          ...licence.dataFields.flatMap((field) => (licence.data[field.key] === undefined ? [] : [{ key: localize(field.label, locale), value: maskPersonalNumbers(formatLicenceValue(licence.data[field.key], locale)) }])),
          { key: t("issuer"), value: localize(licence.issuerName, locale) },
          { key: t("issuedAt"), value: formatDateTime(licence.signedAt, locale) },
          { key: t("validUntil"), value: licence.validUntil ? formatDate(licence.validUntil, locale) : t("permanent") },
          ...(result.caseNumber ? [{ key: t("case"), value: <span className="font-mono">{result.caseNumber}</span> }] : []),
          { key: t("signature"), value: licence.keyId ? t("signedWith", { keyId: licence.keyId }) : "—" },
          ...(licence.revokedAt
            ? [
                { key: t("revokedAt"), value: formatDateTime(licence.revokedAt, locale) },
                { key: t("revokedBy"), value: nameForReader(result.revokedByName ?? "", locale) },
                { key: t("revocationReason"), value: licence.revocationReason ?? "" },
              ]
            : []),
        ]}
      />
      <p className="mb-8">
        <Link href={`/verify/${licence.id}`}>{t("verifyPage")}</Link>
      </p>
      {licence.revokedAt ? null : (
        <section aria-labelledby="revoke-title" className="border-t-4 border-danger pt-4">
          <h2 id="revoke-title" className="mb-2 text-2xl font-bold">
            {t("revokeTitle")}
          </h2>
          <p className="mb-4">{t("revokeLead")}</p>
          <RevokeLicenceForm licenceId={licence.id} revokeAction={revokeLicenceAction} />
        </section>
      )}
    </div>
  );
}
