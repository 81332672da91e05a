import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseStatusTag, TaskStatusTag } from "@/components/cases/status-tag";
import Link from "next/link";
import { TaskGraph } from "@/components/cases/task-graph";
import { AnswerList } from "@/components/forms/answer-list";
import { Button, buttonClass } from "@/components/ui/button";
import { listFields } from "@/lib/forms/definition";
import { isErrorCode } from "@/server/errors";
import { rateCaseAction, withdrawCaseAction } from "./actions";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { layoutTaskStages } from "@/lib/workflow/task-stages";
import { describeTaskProgress, timeLeft, type TTaskProgress } from "@/lib/workflow/task-progress";
import { isWithdrawable } from "@/lib/workflow/task-transitions";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TTaskKind } from "@/lib/workflow/statuses";
import { requireActor } from "@/server/auth/require-actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { cachedReference } from "@/server/reference-cache";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { nameAnswerLicences } from "@/server/licences/name-answer-licences";
import { getEnv } from "@/server/env";
import { getRatingForApplicant } from "@/server/ratings/get-rating-for-applicant";
import { RatingForm } from "@/components/ratings/rating-form";
import { RatingSummary } from "@/components/ratings/rating-summary";
import { isBadRating } from "@/lib/ratings/levels";
import { CaseDocumentList } from "@/components/documents/case-document-list";
import { listCaseDocuments } from "@/server/documents/find-case-documents";

type TProps = { params: Promise<{ number: string }>; searchParams: Promise<{ submitted?: string; supplied?: string; withdrawn?: string; rated?: string; error?: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: (await getTranslations("tracker"))("title", { number: (await params).number }) };
}

export default async function TrackerPage({ params, searchParams }: TProps) {
  const { number } = await params;
  const actor = await requireActor({ page: "/me/cases/[number]", returnTo: `/me/cases/${number}` });
  const db = getDb();
  const result = await getCaseForApplicant({ db, actor, caseNumber: number });
  // Someone else's case and a case that does not exist look the same.
  if (!result.ok) notFound();
  const { submitted, supplied, withdrawn, rated, error } = await searchParams;
  // Only a concluded case has, or may get, a rating.
  const rating = result.case.status === "concluded" ? await getRatingForApplicant({ db, actor, caseNumber: number }) : null;
  const tr = await getTranslations("rating");
  const trr = await getTranslations("ratingResult");
  const te = await getTranslations("errors");
  const tg = await getTranslations("trackerActions");
  const t = await getTranslations("tracker");
  const locale = (await getLocale()) as Locale;
  const taskDepartment = new Map(result.tasks.map((task) => [task.id, localize(task.departmentName, locale)]));
  const openRequests = result.supplements.filter((request) => request.status === "open");
  const fieldLabels = new Map(listFields(result.definition).map((field) => [field.key, localize(field.label, locale)]));
  // What is left to withdraw: an open review (an inspection after an approval on commitment is not the applicant's).
  const canWithdraw = result.tasks.some(isWithdrawable);
  const hasChain = result.tasks.some((task) => task.prerequisiteTaskIds.length > 0);
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const today = toIsoDate(new Date());
  const progressText = (progress: TTaskProgress, kind: TTaskKind) => {
    switch (progress.kind) {
      case "decided":
        return t("decidedOn", { date: formatDate(progress.decidedAt, locale) });
      case "starts-after":
        return tg("startsAfter", { names: progress.prerequisiteTaskIds.map((id) => taskDepartment.get(id) ?? "").join(locale === "en" ? ", " : "、") });
      case "clock-stopped":
        return tg("clockStopped");
      case "due": {
        const left = timeLeft(progress.dueDate, today, calendar);
        const date = formatDate(progress.dueDate, locale);
        if (kind === "inspection") return t("inspectionDueBy", { date });
        return left.overdue ? t("dueByOverdue", { date }) : t("dueByDays", { date, days: left.workingDays });
      }
    }
  };
  const departmentByCode = new Map(result.tasks.map((task) => [task.departmentCode, localize(task.departmentName, locale)]));
  const documents = await listCaseDocuments({ db, actor, access: { caseNumber: result.case.number } });
  const ratingLevelOf = (event: { kind: string; data: Record<string, unknown> }) => (event.kind === "case-rated" && typeof event.data.overall === "number" ? tr(`levels.${event.data.overall}`) : null);

  return (
    <div className="max-w-3xl">
      {submitted === "1" ? (
        <Notice tone="success" title={t("submittedTitle")}>
          <p>
            {t("submittedNumber")} <strong className="font-mono text-2xl break-all">{result.case.number}</strong>
          </p>
        </Notice>
      ) : null}
      {supplied === "1" ? <Notice tone="success" title={tg("supplied")} /> : null}
      {withdrawn === "1" ? <Notice tone="success" title={tg("withdrawn")} /> : null}
      {rated === "1" && rating?.ok && rating.rating ? (
        <Notice tone="success" title={trr("thanks")}>
          {isBadRating(rating.rating.overall) ? <p>{trr("thanksBad")}</p> : null}
        </Notice>
      ) : null}
      {isErrorCode(error) ? (
        <div role="alert" className="mb-8 border-4 border-danger p-4 font-semibold">
          {te(error)}
        </div>
      ) : null}
      <PageHeading caption={t("caption", { number: result.case.number })}>{localize(result.subjectName, locale)}</PageHeading>
      <p className="mb-8 flex flex-wrap items-center gap-3">
        <span>{t("caseStatus")}</span> <CaseStatusTag status={result.case.status} />
        <span className="text-muted">{t("submittedOn", { date: formatDate(result.case.submittedAt, locale) })}</span>
      </p>
      {result.case.channel === "counter" ? <p className="mb-8 border-l-4 border-brand pl-3">{t("filedAtCounter", { name: nameForReader(result.filerName ?? "", locale) })}</p> : null}
      <p className="mb-8">
        {/* A plain link, not next/link: the receipt is a file download from a route handler, not a page to prefetch. */}
        <a href={`/me/cases/${encodeURIComponent(result.case.number)}/receipt`} className="font-semibold">
          {t("receiptLink")}
        </a>
      </p>

      {openRequests.map((request) => (
        <Notice key={request.id} title={tg("supplementNeeded", { department: taskDepartment.get(request.taskId) ?? "" })}>
          {request.note ? <p className="mb-2">{request.note}</p> : null}
          <ul className="mb-4 list-disc pl-6">
            {request.items.map((item) => (
              <li key={item.key}>
                <span className="font-semibold">{fieldLabels.get(item.key) ?? item.key}</span>: {item.note}
              </li>
            ))}
          </ul>
          <Link href={`/me/cases/${encodeURIComponent(result.case.number)}/supplements/${request.id}`} className={buttonClass()}>
            {tg("supplyNow")}
          </Link>
        </Notice>
      ))}
      <h2 className="mb-4 text-2xl font-bold">{t("departments")}</h2>
      <ul className="mb-10 space-y-4">
        {layoutTaskStages(result.tasks).flat().map((task) => (
          <li key={task.id} className="border-2 border-line p-4" aria-labelledby={`task-${task.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 id={`task-${task.id}`} className="text-xl font-bold">
                {localize(task.departmentName, locale)}
              </h3>
              <TaskStatusTag status={task.status} kind={task.kind} />
            </div>
            <p>{task.kind === "inspection" ? t("inspectionOf", { service: localize(task.serviceName, locale) }) : localize(task.serviceName, locale)}</p>
            <p className="mt-1 text-base text-muted">{progressText(describeTaskProgress(task), task.kind)}</p>
            {task.reason ? <p className="mt-2 border-l-4 border-danger pl-3">{t(task.kind === "inspection" ? "findings" : "reason", { reason: task.reason })}</p> : null}
          </li>
        ))}
      </ul>

      <CaseDocumentList documents={documents} hrefOf={(documentId) => `/me/cases/${encodeURIComponent(result.case.number)}/documents/${documentId}`} locale={locale} showLead />

      {rating?.ok && rating.rating ? (
        <section id="rating" aria-labelledby="rating-title" className="mb-10">
          <h2 id="rating-title" className="mb-2 text-2xl font-bold">
            {trr("title")}
          </h2>
          <RatingSummary rating={rating.rating} followUps={rating.followUps} locale={locale} />
        </section>
      ) : result.case.status === "concluded" ? (
        <section id="rating" aria-labelledby="rating-title" className="mb-10 border-4 border-brand p-4 sm:p-6">
          <h2 id="rating-title" className="mb-2 text-2xl font-bold">
            {tr("title")}
          </h2>
          <p className="mb-6">{tr("lead")}</p>
          <RatingForm caseNumber={result.case.number} followUpDays={getEnv().RATING_FOLLOW_UP_DAYS} rateAction={rateCaseAction} />
        </section>
      ) : null}

      {hasChain ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">{tg("graphTitle")}</h2>
          <TaskGraph tasks={result.tasks} locale={locale} />
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">{t("timeline")}</h2>
      <CaseTimeline
        events={result.events}
        locale={locale}
        labelOf={(event) =>
          event.taskId
            ? (taskDepartment.get(event.taskId) ?? null)
            : typeof event.data.department === "string"
              ? (departmentByCode.get(event.data.department) ?? null)
              : ratingLevelOf(event)
        }
      />

      <h2 className="mb-4 text-2xl font-bold">{t("answers")}</h2>
      <AnswerList
        definition={result.definition}
        answers={result.case.answers}
        locale={locale}
        reader="applicant"
        licenceTitles={await nameAnswerLicences({ db, answers: result.case.answers, locale })}
        materialLinks={{ reader: "applicant", fileHref: (fileId) => `/me/cases/${encodeURIComponent(result.case.number)}/materials/${fileId}` }}
      />

      {canWithdraw ? (
        <details className="mt-10 border-2 border-line p-4">
          <summary className="cursor-pointer text-xl font-bold">{tg("withdrawTitle")}</summary>
          <form action={withdrawCaseAction.bind(null, result.case.number)} className="mt-4">
            <p className="mb-4">{tg("withdrawLead")}</p>
            <label htmlFor="withdraw-reason" className="block font-semibold">
              {tg("withdrawReason")}
            </label>
            <textarea id="withdraw-reason" name="reason" rows={2} maxLength={500} className="mb-4 block w-full max-w-xl border-2 border-ink px-2 py-1.5" />
            <Button variant="warning">{tg("withdrawButton")}</Button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
