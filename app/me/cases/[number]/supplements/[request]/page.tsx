import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SupplementAnswerForm } from "@/components/supplements/supplement-answer-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { buildFieldContext } from "@/server/forms/build-field-context";
import { resolvePrefill } from "@/server/prefill/resolve-prefill";
import { getSupplementForApplicant } from "@/server/supplements/answer-supplement";
import { answerSupplementAction } from "./actions";

type TProps = { params: Promise<{ number: string; request: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supplementAnswer"))("title") };
}

export default async function SupplementAnswerPage({ params }: TProps) {
  const { number, request: requestId } = await params;
  const actor = await requireActor({ page: "/me/cases/[number]/supplements/[request]", returnTo: `/me/cases/${number}/supplements/${requestId}` });
  const db = getDb();
  const loaded = await getSupplementForApplicant({ db, actor, requestId });
  // Someone else's request and a made-up one look the same.
  if (!loaded.ok || loaded.supplement.caseRow.number !== number) notFound();
  const { request, caseRow, definition, fields, values } = loaded.supplement;
  const t = await getTranslations("supplementAnswer");
  const tw = await getTranslations("wizard");
  const locale = (await getLocale()) as Locale;
  const tracker = `/me/cases/${encodeURIComponent(caseRow.number)}`;

  if (request.status !== "open") {
    return (
      <div className="max-w-3xl">
        <PageHeading caption={caseRow.number}>{t("title")}</PageHeading>
        <p className="mb-6">{t("closed")}</p>
        <Link href={tracker}>{t("backToCase")}</Link>
      </div>
    );
  }

  const today = toIsoDate(new Date());
  const prefill = await resolvePrefill({ db, actor, companyId: caseRow.companyId, definition, today });
  const context = await buildFieldContext({
    db,
    actor,
    companyId: caseRow.companyId,
    fields,
    values,
    prefill,
    locale,
    today,
    sourceWords: { identity: tw("sourceIdentity"), company: tw("sourceCompany") },
  });
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={tracker}>{t("backToCase")}</Link>
      </p>
      <PageHeading caption={caseRow.number}>{t("title")}</PageHeading>
      <p className="mb-6">{t("lead", { count: fields.length })}</p>
      {request.note ? <Notice title={t("noteTitle")}>{request.note}</Notice> : null}
      <SupplementAnswerForm
        definition={definition}
        fields={fields}
        notes={Object.fromEntries(request.items.map((item) => [item.key, item.note]))}
        values={values}
        context={context}
        action={answerSupplementAction.bind(null, caseRow.number, request.id)}
      />
    </div>
  );
}
