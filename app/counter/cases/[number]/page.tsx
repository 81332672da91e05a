import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseStatusTag, TaskStatusTag } from "@/components/cases/status-tag";
import { AnswerList } from "@/components/forms/answer-list";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { buttonClass } from "@/components/ui/button";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { describeTaskProgress, type TTaskProgress } from "@/lib/workflow/task-progress";
import { layoutTaskStages } from "@/lib/workflow/task-stages";
import { requireActor } from "@/server/auth/require-actor";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { nameAnswerLicences } from "@/server/licences/name-answer-licences";

type TProps = { params: Promise<{ number: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: (await getTranslations("tracker"))("title", { number: (await params).number }) };
}

/**
 * A case this counter clerk filed, as the applicant's tracker shows it: the receipt to print, each department's
 * progress, the timeline and the answers. Only the clerk's own filings are found (the query's rule); the applicant
 * acts on the case themselves (supplements, withdrawal, rating) from their own tracker once they sign in.
 */
export default async function CounterCasePage({ params, searchParams }: TProps) {
  const { number } = await params;
  const actor = await requireActor({ page: "/counter/cases/[number]", returnTo: `/counter/cases/${number}` });
  const db = getDb();
  const result = await getCaseForApplicant({ db, actor, caseNumber: number });
  if (!result.ok) notFound();
  const { submitted } = await searchParams;
  const t = await getTranslations("tracker");
  const tc = await getTranslations("counter");
  const locale = (await getLocale()) as Locale;
  const taskDepartment = new Map(result.tasks.map((task) => [task.id, localize(task.departmentName, locale)]));
  const progressText = (progress: TTaskProgress) => {
    switch (progress.kind) {
      case "decided":
        return t("decidedOn", { date: formatDate(progress.decidedAt, locale) });
      case "starts-after":
        return tc("startsAfter");
      case "clock-stopped":
        return tc("clockStopped");
      case "due":
        return t("dueBy", { date: formatDate(progress.dueDate, locale) });
    }
  };
  const receiptHref = `/counter/cases/${encodeURIComponent(result.case.number)}/receipt`;
  return (
    <div className="max-w-3xl">
      {submitted === "1" ? (
        <Notice tone="success" title={tc("submittedTitle")}>
          <p>
            {t("submittedNumber")} <strong className="font-mono text-2xl break-all">{result.case.number}</strong>
          </p>
          <p className="mt-2">{tc("submittedBody")}</p>
        </Notice>
      ) : null}
      <PageHeading caption={t("caption", { number: result.case.number })}>{localize(result.subjectName, locale)}</PageHeading>
      <p className="mb-6 flex flex-wrap items-center gap-3">
        <span>{t("caseStatus")}</span> <CaseStatusTag status={result.case.status} />
      </p>
      <SummaryList
        rows={[
          { key: tc("applicant"), value: nameForReader(result.applicantName, locale) },
          { key: tc("filedAt"), value: formatDateTime(result.case.submittedAt, locale) },
          { key: tc("filedBy"), value: nameForReader(result.filerName ?? "", locale) },
          ...(result.case.consentedAt ? [{ key: tc("consentRecorded"), value: formatDateTime(result.case.consentedAt, locale) }] : []),
        ]}
      />
      <p className="mb-8">
        {/* A plain link: the receipt is a file download from a route handler. */}
        <a href={receiptHref} className={buttonClass()}>
          {tc("printReceipt")}
        </a>
      </p>
      <h2 className="mb-4 text-2xl font-bold">{t("departments")}</h2>
      <ul className="mb-10 space-y-4">
        {layoutTaskStages(result.tasks)
          .flat()
          .map((task) => (
            <li key={task.id} className="border-2 border-line p-4" aria-labelledby={`task-${task.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 id={`task-${task.id}`} className="text-xl font-bold">
                  {localize(task.departmentName, locale)}
                </h3>
                <TaskStatusTag status={task.status} />
              </div>
              <p>{localize(task.serviceName, locale)}</p>
              <p className="mt-1 text-base text-muted">{progressText(describeTaskProgress(task))}</p>
              {task.reason ? <p className="mt-2 border-l-4 border-danger pl-3">{t("reason", { reason: task.reason })}</p> : null}
            </li>
          ))}
      </ul>
      <h2 className="mb-4 text-2xl font-bold">{t("timeline")}</h2>
      <CaseTimeline events={result.events} locale={locale} labelOf={(event) => (event.taskId ? (taskDepartment.get(event.taskId) ?? null) : null)} />
      <h2 className="mb-4 text-2xl font-bold">{tc("answers")}</h2>
      <AnswerList definition={result.definition} answers={result.case.answers} locale={locale} reader="staff" licenceTitles={await nameAnswerLicences({ db, answers: result.case.answers, locale })} />
      <p className="mt-10">
        <Link href="/counter/cases">{tc("backToCases")}</Link>
      </p>
    </div>
  );
}
