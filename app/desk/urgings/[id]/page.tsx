import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { urgingSubjectHref } from "@/components/urgings/open-urgings";
import { UrgingAnswerForm } from "@/components/urgings/urging-answer-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { Tag } from "@/components/ui/tag";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { readCurrentTime } from "@/server/clock";
import { getUrgingForClerk } from "@/server/urgings/get-urging-for-clerk";
import { answerUrgingAction } from "./actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("urgings"))("detailTitle") };
}

export default async function UrgingPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/desk/urgings/[id]", returnTo: `/desk/urgings/${id}` });
  const { now } = await readCurrentTime();
  const result = await getUrgingForClerk({ db: getDb(), actor, urgingId: id, now });
  // Another department's urging is not shown, and not confirmed to exist.
  if (!result.ok) notFound();
  const { done } = await searchParams;
  const t = await getTranslations("urgings");
  const locale = (await getLocale()) as Locale;
  // The form's own words reach the browser with it, not with every page (app/layout.tsx).
  const messages = await getMessages();
  const { urging } = result;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/desk">{t("backToQueue")}</Link>
      </p>
      {done === "1" && urging.answeredAt ? <Notice tone="success" title={t("answeredNotice")} /> : null}
      <PageHeading caption={t("detailTitle")}>{localize(urging.subjectName, locale)}</PageHeading>
      <SummaryList
        rows={[
          {
            key: t(urging.taskId ? "aboutTask" : "aboutFollowUp"),
            value: (
              <Link href={urgingSubjectHref(urging)}>
                <span className="font-mono break-all">{urging.caseNumber}</span>
              </Link>
            ),
          },
          { key: t("sentBy"), value: t("sentByValue", { name: nameForReader(urging.sentByName, locale), date: formatDateTime(urging.sentAt, locale) }) },
          {
            key: t("deadline"),
            value: (
              <span className="flex flex-wrap items-center gap-2">
                {formatDate(urging.deadline, locale)}
                {result.deadlineState ? <DeadlineTag state={result.deadlineState} /> : null}
                {urging.answeredLate ? <Tag tone="bad">{t("answeredLate")}</Tag> : null}
              </span>
            ),
          },
          { key: t("message"), value: <span className="whitespace-pre-line">{urging.message}</span> },
        ]}
      />
      {urging.answeredAt ? (
        <section aria-labelledby="answer-title" className="mb-10">
          <h2 id="answer-title" className="mb-3 text-2xl font-bold">
            {t("answerShownTitle")}
          </h2>
          <p className="mb-2 text-muted">{t("answeredBy", { name: nameForReader(urging.answeredByName ?? "", locale), date: formatDateTime(urging.answeredAt, locale) })}</p>
          <p className="border-l-4 border-brand pl-4 whitespace-pre-line">{urging.answer}</p>
        </section>
      ) : (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title" className="mb-3 text-2xl font-bold">
            {t("answerTitle")}
          </h2>
          <NextIntlClientProvider messages={{ urgingAnswer: messages.urgingAnswer, errors: messages.errors }}>
            <UrgingAnswerForm urgingId={urging.id} answerAction={answerUrgingAction} />
          </NextIntlClientProvider>
        </section>
      )}
    </div>
  );
}
