import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { findApplySubject, isServiceWithoutForm } from "@/server/catalog/find-apply-subject";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";
import { isErrorCode } from "@/server/errors";
import { listActorCompanies } from "@/server/identity/list-actor-companies";
import { startDraftAction } from "./actions";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const subject = await findApplySubject(getDb(), (await params).code);
  if (!subject) return {};
  return { title: localize(subject.name, (await getLocale()) as Locale) };
}

/** The start of an application: what it covers, who applies, drafts to continue, and "Start now". */
export default async function ApplyStartPage({ params, searchParams }: TProps) {
  const { code } = await params;
  const { error } = await searchParams;
  const db = getDb();
  const subject = await findApplySubject(db, code);
  if (!subject) {
    if (!(await isServiceWithoutForm(db, code))) notFound();
    // A published service whose form has no version yet: say so, rather than "not found".
    const t = await getTranslations("apply");
    return (
      <div className="max-w-3xl">
        <PageHeading caption={t("caption")}>{t("notOpenTitle")}</PageHeading>
        <p className="mb-4 text-xl">{(await getTranslations("errors"))("conflict:service-no-form")}</p>
        <p>
          <Link href={`/services/${code}`}>{t("backToGuide")}</Link>
        </p>
      </div>
    );
  }
  const actor = await requireActor({ page: "/apply/[code]", returnTo: `/apply/${code}` });
  const t = await getTranslations("apply");
  const tw = await getTranslations("wizard");
  const te = await getTranslations("errors");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;

  const expectedRole = subject.applicantType === "natural" ? "citizen" : "enterprise";
  if (actor.role !== expectedRole) {
    return (
      <div className="max-w-3xl">
        <PageHeading caption={t("caption")}>{localize(subject.name, locale)}</PageHeading>
        <p className="mb-4 text-xl">{t(`wrongApplicant.${subject.applicantType}`)}</p>
        <p>
          <Link href={`/services/${code}`}>{t("backToGuide")}</Link>
        </p>
      </div>
    );
  }
  const [companies, drafts] = await Promise.all([
    subject.applicantType === "legal" ? listActorCompanies({ db, actor }) : [],
    listMyDrafts({ db, actor }),
  ]);
  const mine = drafts.filter((draft) => draft.subjectCode === code);
  const companyError = error === "invalid:company-required" && companies.length > 1;

  return (
    <div className="max-w-3xl">
      <ErrorSummary title={t("problem")} errors={error && isErrorCode(error) ? [{ href: companyError ? "#company-choice" : "#start", text: te(error) }] : []} />
      <PageHeading caption={t("caption")}>{localize(subject.name, locale)}</PageHeading>
      <p className="mb-6">{t("lead", { count: subject.components.length })}</p>
      <SummaryList
        rows={[
          { key: t("applicant"), value: companies.length === 1 ? `${nameForReader(companies[0].name, locale, "company")} · ${companies[0].uscc}` : nameForReader(actor.displayName, locale) },
          {
            key: t("departments"),
            value: (
              <ul>
                {subject.components.map((component) => (
                  <li key={component.service.code}>
                    {localize(component.department.name, locale)} — {localize(component.service.name, locale)}
                    {component.appliesWhen ? <span className="text-muted"> ({tc("conditional")})</span> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: t("pages"), value: t("pageCount", { count: subject.form.definition.pages.length }) },
        ]}
      />
      {mine.length > 0 ? (
        <section aria-labelledby="drafts-heading" className="mb-8">
          <h2 id="drafts-heading" className="mb-2 text-2xl font-bold">
            {t("continueHeading")}
          </h2>
          <ul className="space-y-2">
            {mine.map((draft) => (
              <li key={draft.id}>
                <Link href={`/apply/${code}/${draft.id}/check`} className="font-semibold">
                  {t("continueDraft", { date: formatDateTime(draft.updatedAt, locale) })}
                </Link>
                <span className="text-muted"> · {tw("expiresOn", { date: formatDateTime(draft.expiresAt, locale) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form action={startDraftAction.bind(null, code)}>
        {companies.length === 1 ? <input type="hidden" name="companyId" value={companies[0].id} /> : null}
        {companies.length > 1 ? (
          <fieldset
            id="company"
            aria-describedby={companyError ? "company-error" : undefined}
            className={`mb-6 ${companyError ? "border-l-4 border-danger pl-3" : ""}`}
          >
            <legend className="mb-2 text-xl font-bold">{t("companyLegend")}</legend>
            {companyError ? (
              <p id="company-error" className="font-semibold text-danger">
                {te("invalid:company-required")}
              </p>
            ) : null}
            {companies.map((company, index) => (
              <div key={company.id} className="flex items-start gap-3 py-1.5">
                <input
                  id={index === 0 ? "company-choice" : `company-choice-${index}`}
                  type="radio"
                  name="companyId"
                  value={company.id}
                  aria-invalid={companyError ? true : undefined}
                  className="mt-0.5 size-6 shrink-0 cursor-pointer"
                />
                <label htmlFor={index === 0 ? "company-choice" : `company-choice-${index}`} className="cursor-pointer">
                  {nameForReader(company.name, locale, "company")} <span className="text-muted">· {company.uscc}</span>
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <Button id="start" className="text-xl">
          {mine.length > 0 ? t("startNew") : t("start")}
        </Button>
      </form>
      <p className="mt-4 text-muted">{t("draftNote")}</p>
    </div>
  );
}
