import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ServiceDecisionsForm } from "@/components/admin/service-decisions-form";
import { ServiceGuideForm } from "@/components/admin/service-guide-form";
import { ServiceGuideSummary } from "@/components/admin/service-guide-summary";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { serviceTopics } from "@/lib/catalog/service-topics";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { findServiceForAdmin } from "@/server/services/find-service-for-admin";
import { decisionsInputOf, decisionsOf, prettyJson } from "@/server/services/service-decisions-input";
import { guideOf } from "@/server/services/service-guide";
import { guideInputOf } from "@/server/services/service-input";
import { discardServiceDraftAction, publishServiceDraftAction, saveServiceDecisionsAction, saveServiceDraftAction, setServiceRetiredAction } from "./actions";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<TSearchParams> };
const searchFields = {
  saved: z.enum(["created", "draft", "published", "discarded", "retired", "restored"]),
  version: z.string().regex(/^\d{1,9}$/),
  error: z.string().refine(isErrorCode),
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: `${(await params).code} – ${(await getTranslations("adminServices"))("title")}` };
}

/** /admin/services/<code> — one service: its state, the draft of its guide (edit, publish, discard), versions, retiring. */
export default async function AdminServicePage({ params, searchParams }: TProps) {
  const { code } = await params;
  const actor = await requireActor({ page: "/admin/services/[code]", returnTo: `/admin/services/${encodeURIComponent(code)}` });
  const result = await findServiceForAdmin({ db: getDb(), actor, code });
  if (!result.ok) notFound();
  const { service, department, versions, formVersions, formFieldKeys, bundles } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("adminServices");
  const te = await getTranslations("errors");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const published = service.publishedVersion > 0;
  const editing = service.draft ?? guideOf(service);
  // A draft saved before the settings were editable has none: it publishes the settings as they are.
  const publishedDecisions = decisionsOf(service);
  const editingDecisions = { ...publishedDecisions, ...service.draft };
  const departmentContact = [department.address, department.hours, department.phone].filter(Boolean).join(" · ") || t("none");
  const status = [
    service.retiredAt ? t("retiredOn", { date: formatDateTime(service.retiredAt, locale) }) : null,
    published ? t("status.published", { version: service.publishedVersion }) : t("status.unpublished"),
  ].filter(Boolean).join(" · ");

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link href="/admin/services">{t("backToList")}</Link>
      </p>
      {query.error ? <ErrorSummary id="service-error-title" title={t("errorTitle")} errors={[{ href: "#draft-title", text: te(query.error) }]} /> : null}
      {query.saved ? <Notice tone="success" title={t(`saved.${query.saved}`, { code: service.code, version: query.version ?? "" })} /> : null}
      <PageHeading caption={t("title")}>{localize(editing.name, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("columns.code"), value: <span className="font-mono">{service.code}</span> },
          { key: t("columns.department"), value: `${localize(department.name, locale)} (${department.code})` },
          { key: t("columns.applicantType"), value: tc(`applicantType.${service.applicantType}`) },
          { key: t("columns.kind"), value: t(`kinds.${service.kind}`) },
          { key: t("columns.status"), value: status },
          {
            key: t("form"),
            value: (
              <>
                {formVersions > 0 ? t("formVersions", { count: formVersions }) : <strong>{t("noForm")}</strong>}{" "}
                <Link href={`/admin/forms/service/${service.code}`}>{formVersions > 0 ? t("editForm") : t("createForm")}</Link>
              </>
            ),
          },
          {
            key: t("bundles"),
            value:
              bundles.length === 0 ? t("none") : (
                <ul className="list-none">
                  {bundles.map((bundle) => (
                    <li key={bundle.code}>
                      {localize(bundle.name, locale)} <span className="font-mono text-sm">({bundle.code})</span>
                    </li>
                  ))}
                </ul>
              ),
          },
          ...(published && !service.retiredAt ? [{ key: t("publicGuide"), value: <Link href={`/services/${service.code}`}>{`/services/${service.code}`}</Link> }] : []),
        ]}
      />

      <section aria-labelledby="draft-title" className="mb-10">
        <h2 id="draft-title" className="mb-2 text-2xl font-bold">
          {t("draftTitle")}
        </h2>
        {service.draft && service.draftSavedAt ? (
          <>
            <p className="mb-4">{t("draftWaiting", { date: formatDateTime(service.draftSavedAt, locale), version: service.publishedVersion + 1 })}</p>
            <details className="mb-4">
              <summary className="cursor-pointer font-semibold">{t("previewDraft")}</summary>
              <div className="mt-3">
                <ServiceGuideSummary guide={service.draft} locale={locale} />
              </div>
            </details>
            <div className="flex flex-wrap gap-3">
              <form action={publishServiceDraftAction.bind(null, service.code)}>
                <Button>{t("publish", { version: service.publishedVersion + 1 })}</Button>
              </form>
              <form action={discardServiceDraftAction.bind(null, service.code)}>
                <Button variant="secondary">{t("discard")}</Button>
              </form>
            </div>
          </>
        ) : (
          <p>{published ? t("noDraft") : t("noDraftYet")}</p>
        )}
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title" className="mb-2 text-2xl font-bold">
          {t("editTitle")}
        </h2>
        <p className="mb-4 max-w-3xl">{t("editLead")}</p>
        <NextIntlClientProvider messages={{ adminServices: messages.adminServices, errors: messages.errors }}>
          <ServiceGuideForm
            initial={guideInputOf(editing)}
            topics={serviceTopics.map((topic) => ({ value: topic, label: tc(`topics.${topic}`) }))}
            departmentContact={departmentContact}
            action={saveServiceDraftAction.bind(null, service.code)}
          />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="decisions-title" className="mb-10">
        <h2 id="decisions-title" className="mb-2 text-2xl font-bold">
          {t("decisions.title")}
        </h2>
        <p className="mb-4 max-w-3xl">{t("decisions.lead")}</p>
        <details className="mb-6">
          <summary className="cursor-pointer font-semibold">{t("decisions.publishedTitle")}</summary>
          <SummaryList
            rows={[
              { key: t("decisions.reviewBody"), value: publishedDecisions.reviewBody ? localize(publishedDecisions.reviewBody, locale) : t("decisions.departments") },
              { key: t("decisions.court"), value: publishedDecisions.court ? localize(publishedDecisions.court, locale) : t("decisions.departments") },
              ...(service.kind === "instant"
                ? [{ key: t("decisions.instantLegend"), value: publishedDecisions.instantCheck ? <PrettyJson value={publishedDecisions.instantCheck} /> : t("decisions.alwaysApproved") }]
                : []),
              { key: t("decisions.commitment.label"), value: publishedDecisions.commitment ? <PrettyJson value={publishedDecisions.commitment} /> : t("decisions.notOffered") },
              { key: t("decisions.licenceTemplate.label"), value: publishedDecisions.licenceTemplate ? <PrettyJson value={publishedDecisions.licenceTemplate} /> : t("decisions.noLicence") },
            ]}
          />
        </details>
        <NextIntlClientProvider messages={{ adminServices: messages.adminServices, errors: messages.errors }}>
          <ServiceDecisionsForm initial={decisionsInputOf(editingDecisions)} instant={service.kind === "instant"} fieldKeys={formFieldKeys} action={saveServiceDecisionsAction.bind(null, service.code)} />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="versions-title" className="mb-10">
        <h2 id="versions-title" className="mb-2 text-2xl font-bold">
          {t("versionsTitle")}
        </h2>
        {versions.length === 0 ? <p>{t("noVersions")}</p> : null}
        {versions.map((version) => (
          <details key={version.version} className="mb-3 border-l-4 border-line pl-3">
            <summary className="cursor-pointer font-semibold">
              {t("versionSummary", {
                version: version.version,
                date: formatDateTime(version.publishedAt, locale),
                who: version.publisherName === null ? t("seedPublisher") : nameForReader(version.publisherName, locale),
              })}
            </summary>
            <div className="mt-3">
              <ServiceGuideSummary guide={version.guide} locale={locale} />
            </div>
          </details>
        ))}
      </section>

      <section aria-labelledby="retire-title" className="mb-10 border-t-2 border-line pt-6">
        <h2 id="retire-title" className="mb-2 text-2xl font-bold">
          {service.retiredAt ? t("restoreTitle") : t("retireTitle")}
        </h2>
        <p className="mb-4 max-w-3xl">{service.retiredAt ? t("restoreLead") : t("retireLead")}</p>
        {!service.retiredAt && bundles.length > 0 ? <p className="mb-4 max-w-3xl font-semibold">{t("retireBundles", { count: bundles.length })}</p> : null}
        <form action={setServiceRetiredAction.bind(null, service.code)}>
          <input type="hidden" name="retired" value={service.retiredAt ? "0" : "1"} />
          <Button variant={service.retiredAt ? "secondary" : "warning"}>{service.retiredAt ? t("restore", { code: service.code }) : t("retire", { code: service.code })}</Button>
        </form>
      </section>
    </div>
  );
}

/** A published setting as the admin types it, kept on a phone's screen by scrolling within its box. */
function PrettyJson({ value }: { value: unknown }) {
  return (
    <pre tabIndex={0} className="max-w-full overflow-x-auto border-2 border-line bg-panel p-2 font-mono text-sm">
      {prettyJson(value)}
    </pre>
  );
}
