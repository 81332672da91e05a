import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { buttonClass } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { remediesOf } from "@/lib/documents/document-rules";
import { localize, type Locale } from "@/lib/i18n/locales";
import { getGuide } from "@/server/catalog/get-guide";

type TProps = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const guide = await getGuide({ db: getDb(), code: (await params).code });
  if (!guide) return {};
  const locale = (await getLocale()) as Locale;
  return { title: localize(guide.type === "service" ? guide.service.name : guide.bundle.name, locale) };
}

export default async function GuidePage({ params }: TProps) {
  const { code } = await params;
  const guide = await getGuide({ db: getDb(), code });
  if (!guide) notFound();
  const t = await getTranslations("guide");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;
  const l = (text: Parameters<typeof localize>[0]) => localize(text, locale);

  const applyButton = (
    <p className="my-8">
      <Link href={`/apply/${code}`} className={`${buttonClass("primary")} text-xl!`}>
        {t("apply")} <span aria-hidden="true">→</span>
      </Link>
    </p>
  );

  if (guide.type === "bundle") {
    const { bundle, items } = guide;
    return (
      <article className="max-w-3xl">
        <PageHeading caption={tc("bundle")}>{l(bundle.name)}</PageHeading>
        <p className="mb-6 text-xl">{l(bundle.summary)}</p>
        <SummaryList rows={[{ key: t("applicantType"), value: tc(`applicantType.${bundle.applicantType}`) }]} />
        <h2 className="mb-2 text-2xl font-bold">{t("includes")}</h2>
        <p className="mb-4">{t("includesLead")}</p>
        <ol className="mb-6 list-decimal space-y-3 pl-6">
          {items.map((item) => {
            // A retired service (or department) stays in the bundle until an admin changes it; its guide is gone, and
            // intake refuses an application routed to it, so the reader is told instead of sent to a missing page.
            const withdrawn = item.service.retiredAt !== null || item.department.retiredAt !== null || item.service.publishedVersion === 0;
            return (
              <li key={item.service.code}>
                {withdrawn ? (
                  <span className="font-semibold">{l(item.service.name)}</span>
                ) : (
                  <Link href={`/services/${item.service.code}`} className="font-semibold">
                    {l(item.service.name)}
                  </Link>
                )}
                <span className="block text-base text-muted">
                  {l(item.department.name)} · {withdrawn ? t("withdrawn") : t("promisedDays", { days: item.service.promisedLimitDays })}
                  {!withdrawn && item.appliesWhen ? ` · ${t("conditional")}` : ""}
                </span>
              </li>
            );
          })}
        </ol>
        {applyButton}
      </article>
    );
  }

  const { service, department, hasForm } = guide;
  // Printed on a 不予许可决定书 as stated here: the service's own review body and court, else its department's.
  const remedies = remediesOf(service, department);
  // Where and when to go: the service's own, else its department's service hall.
  const venue = { address: service.address ?? department.address, hours: service.hours ?? department.hours, phone: service.phone ?? department.phone };
  const notYet = (
    <p id="not-open-online" className="my-8 border-l-4 border-line pl-3 text-xl">
      {t("notOpenOnline")}
    </p>
  );
  return (
    <article className="max-w-3xl">
      <PageHeading caption={l(department.name)}>{l(service.name)}</PageHeading>
      <p className="mb-6 text-xl">{l(service.summary)}</p>
      <SummaryList
        rows={[
          { key: t("code"), value: service.code },
          { key: t("department"), value: l(department.name) },
          { key: t("applicantType"), value: tc(`applicantType.${service.applicantType}`) },
          { key: t("kind"), value: service.kind === "instant" ? t("instant") : t("promised") },
          ...(service.kind === "instant"
            ? []
            : [
                { key: t("promisedLimit"), value: t("workingDays", { days: service.promisedLimitDays }) },
                { key: t("legalLimit"), value: t("workingDays", { days: service.legalLimitDays }) },
              ]),
          { key: t("fees"), value: l(service.fees) },
        ]}
      />
      {hasForm ? applyButton : notYet}
      <h2 className="mb-2 text-2xl font-bold">{t("conditions")}</h2>
      <ul className="mb-8 list-disc space-y-1 pl-6">
        {service.conditions.map((condition, index) => (
          <li key={index}>{l(condition)}</li>
        ))}
      </ul>
      <h2 className="mb-2 text-2xl font-bold">{t("materials")}</h2>
      <ul className="mb-8 space-y-3">
        {service.materials.map((material, index) => (
          <li key={index} className="border-l-4 border-line pl-3">
            <span className="font-semibold">{l(material.name)}</span>
            <span className="block text-base text-muted">
              {material.required ? t("required") : t("optional")} · {t("copies", { count: material.copies })}
              {material.note ? ` · ${l(material.note)}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {service.steps.length > 0 ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("steps")}</h2>
          <ol className="mb-8 list-decimal space-y-1 pl-6">
            {service.steps.map((step, index) => (
              <li key={index}>{l(step)}</li>
            ))}
          </ol>
        </>
      ) : null}
      {venue.address || venue.hours || venue.phone ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("whereToGo")}</h2>
          <SummaryList
            rows={[
              ...(venue.address ? [{ key: t("address"), value: venue.address }] : []),
              ...(venue.hours ? [{ key: t("hours"), value: venue.hours }] : []),
              ...(venue.phone ? [{ key: t("phone"), value: venue.phone }] : []),
            ]}
          />
        </>
      ) : null}
      <h2 className="mb-2 text-2xl font-bold">{t("legalBasis")}</h2>
      <ul className="mb-8 list-disc space-y-1 pl-6">
        {service.legalBasis.map((basis, index) => (
          <li key={index}>{l(basis)}</li>
        ))}
      </ul>
      <h2 className="mb-2 text-2xl font-bold">{t("remedies")}</h2>
      <p className="mb-4">{t("remediesLead")}</p>
      <SummaryList
        rows={[
          { key: t("reviewBody"), value: remedies.reviewBody ? l(remedies.reviewBody) : t("notNamed") },
          { key: t("court"), value: remedies.court ? l(remedies.court) : t("notNamed") },
        ]}
      />
    </article>
  );
}
