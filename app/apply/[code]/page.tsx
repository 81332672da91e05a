import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ApplicationForm } from "@/components/forms/application-form";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/session";
import { findApplySubject } from "@/server/catalog/find-apply-subject";
import { listActorCompanies } from "@/server/identity/list-actor-companies";
import { submitApplicationAction } from "./actions";

type TProps = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const subject = await findApplySubject(getDb(), (await params).code);
  if (!subject) return {};
  return { title: localize(subject.name, (await getLocale()) as Locale) };
}

export default async function ApplyPage({ params }: TProps) {
  const { code } = await params;
  const db = getDb();
  const subject = await findApplySubject(db, code);
  if (!subject) notFound();
  const actor = await requireActor({ roles: ["citizen", "enterprise"], returnTo: `/apply/${code}` });
  const t = await getTranslations("apply");
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
  const companies = subject.applicantType === "legal" ? await listActorCompanies({ db, actor }) : [];

  return (
    <div className="max-w-3xl">
      <PageHeading caption={t("caption")}>{localize(subject.name, locale)}</PageHeading>
      <p className="mb-6">{t("lead", { count: subject.components.length })}</p>
      <SummaryList
        rows={[
          { key: t("applicant"), value: companies.length > 0 ? `${companies[0].name} · ${companies[0].uscc}` : actor.displayName },
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
        ]}
      />
      <ApplicationForm
        definition={subject.form.definition}
        locale={locale}
        idempotencyKey={randomUUID()}
        action={submitApplicationAction.bind(null, code)}
      />
    </div>
  );
}
