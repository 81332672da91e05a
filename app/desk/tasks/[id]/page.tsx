import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { DeskStatusTag } from "@/components/desk/desk-status-tag";
import { TaskGraph } from "@/components/cases/task-graph";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { DecisionForm } from "@/components/desk/decision-form";
import { ExtensionRequestForm } from "@/components/desk/extension-request-form";
import { SupplementList } from "@/components/desk/supplement-list";
import { SupplementRequestForm } from "@/components/desk/supplement-request-form";
import { TaskAssignment } from "@/components/desk/task-assignment";
import { AnswerList, formatAnswer } from "@/components/forms/answer-list";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { deadlineState } from "@/lib/workflow/deadline-state";
import { supplementWindowWarning } from "@/lib/workflow/supplement-window";
import { actionableTaskStatuses } from "@/lib/workflow/task-transitions";
import { requireActor } from "@/server/auth/require-actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { listReasonTemplates } from "@/server/catalog/list-reason-templates";
import { listSupplementableFields } from "@/server/supplements/request-supplement";
import { listColleagues } from "@/server/workflow/assign-task";
import { getTaskForClerk } from "@/server/workflow/get-task-for-clerk";
import { findLicenceOfTask } from "@/server/licences/get-issued-licence";
import { nameAnswerLicences } from "@/server/licences/name-answer-licences";
import { checkAnswerLicences } from "@/server/licences/check-answer-licences";
import type { TMaterialLinks } from "@/components/forms/material-answer";
import { assignTaskAction, claimTaskAction, decideTaskAction, releaseTaskAction } from "../../actions";
import { RevealPersonalForm } from "@/components/desk/reveal-personal-form";
import { OpenUrgings } from "@/components/urgings/open-urgings";
import { listDepartmentUrgings } from "@/server/urgings/list-department-urgings";
import { CaseDocumentList } from "@/components/documents/case-document-list";
import { listCaseDocuments } from "@/server/documents/find-case-documents";
import { listFields } from "@/lib/forms/definition";
import { hiddenAnswer, listMaskedParts, maskStaffAnswer } from "@/lib/forms/mask-staff-answer";
import { revealPurposes } from "@/server/workflow/reveal-personal-answers";
import { requestExtensionAction, requestSupplementAction, revealPersonalAnswersAction } from "./actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const doneNotices = new Set(["accept", "refuse", "approve", "reject", "request-supplement", "extension-requested", "approve-on-commitment", "pass", "fail"]);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("taskTitle") };
}

export default async function TaskPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/desk/tasks/[id]", returnTo: `/desk/tasks/${id}` });
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const result = await getTaskForClerk({ db, actor, taskId: id });
  // Another department's task is not shown, and not confirmed to exist.
  if (!result.ok) notFound();
  const t = await getTranslations("desk");
  const tt = await getTranslations("task");
  const tf = await getTranslations("form");
  const tl = await getTranslations("licences");
  const tr = await getTranslations("tracker");
  const locale = (await getLocale()) as Locale;
  const { done } = await searchParams;
  const { task, service, case: caseRow } = result;
  const mine = task.assigneeId === actor.id;
  const inspection = task.kind === "inspection";
  // An inspection's licence is the one its approval (its prerequisite) issued.
  const licenceTaskId = inspection ? task.prerequisiteTaskIds[0] : task.status === "approved" ? task.id : null;
  const today = toIsoDate(new Date());
  const [calendar, licence, licenceTitles, licenceStates, refuseReasons, rejectReasons, documents, urgings] = await Promise.all([
    loadCalendar(db),
    licenceTaskId ? findLicenceOfTask({ db, taskId: licenceTaskId }) : null,
    nameAnswerLicences({ db, answers: caseRow.answers, locale }),
    checkAnswerLicences({ db, answers: caseRow.answers, today }),
    listReasonTemplates({ db, serviceId: task.serviceId, decision: "refuse" }),
    listReasonTemplates({ db, serviceId: task.serviceId, decision: "reject" }),
    listCaseDocuments({ db, actor, access: { taskId: task.id } }),
    listDepartmentUrgings({ db, actor, taskId: task.id }),
  ]);
  // Each material opens from here; opening it is recorded on the case's trail (server/materials/).
  const materialLinks: TMaterialLinks = {
    reader: "staff",
    fileHref: (fileId) => `/desk/tasks/${task.id}/materials/${fileId}`,
    licenceHref: (licenceId) => `/desk/tasks/${task.id}/licences/${licenceId}`,
    licenceStates,
  };
  const clockStopped = task.clockStoppedOn !== null;

  // The window for asking for a supplement: warn the clerk when it is about to close, or has.
  const windowWarning = inspection ? null : supplementWindowWarning(task, { askedBefore: result.supplements.length > 0, today, calendar });

  // The items a clerk may ask about, grouped by the form page the applicant knows them from.
  const askable = new Set(listSupplementableFields(result.definition).map((field) => field.key));
  const fieldGroups = result.definition.pages
    .map((page) => ({
      title: localize(page.title, locale),
      fields: page.sections
        .flatMap((section) => section.fields)
        .filter((field) => askable.has(field.key))
        .map((field) => ({ key: field.key, label: localize(field.label, locale), answer: formatAnswer(field, maskStaffAnswer(field, caseRow.answers[field.key]), locale, tf, licenceTitles, materialLinks) })),
    }))
    .filter((group) => group.fields.length > 0);

  // Answers holding a personal number or of a sensitive field: masked below, revealed whole only with a purpose (and recorded).
  const revealable = listFields(result.definition)
    .filter((field) => listMaskedParts(field, caseRow.answers[field.key]).length > 0)
    .map((field) => {
      const masked = maskStaffAnswer(field, caseRow.answers[field.key]);
      return { key: field.key, label: localize(field.label, locale), masked: masked === hiddenAnswer ? tf("hiddenSensitive") : typeof masked === "string" ? masked : "" };
    });

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/desk">{t("backToQueue")}</Link>
      </p>
      {done && doneNotices.has(done) ? <Notice tone="success" title={done.includes("-") ? tt(`done.${done}`) : t(`done_${done}`)} /> : null}
      <PageHeading caption={caseRow.number}>{inspection ? tr("inspectionOf", { service: localize(service.name, locale) }) : localize(service.name, locale)}</PageHeading>
      {urgings.ok ? <OpenUrgings urgings={urgings.rows} showSubject={false} /> : null}
      {windowWarning ? (
        <Notice title={tt(windowWarning.closed ? "windowClosed" : "windowClosing", { date: formatDate(windowWarning.endsOn, locale) })}>
          <p>{tt("windowHint")}</p>
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: t("status"), value: <DeskStatusTag status={task.status} kind={task.kind} /> },
          { key: t("applicant"), value: nameForReader(result.applicantName, locale) },
          { key: t("submitted"), value: formatDate(caseRow.submittedAt, locale) },
          ...(task.readyOn ? [{ key: tt("readyOn"), value: formatDate(task.readyOn, locale) }] : [{ key: tt("readyOn"), value: tt("notReady") }]),
          {
            // An inspection has one window (the service's commitment days), not a promised and a legal limit.
            key: inspection ? tt("inspectionDue") : t("promisedDue"),
            value: clockStopped ? (
              tt("clockStopped", { date: formatDate(task.clockStoppedOn!, locale), days: task.promisedDaysLeft ?? 0 })
            ) : (
              <span className="flex flex-wrap items-center gap-2">
                {formatDate(task.dueDate, locale)}
                {actionableTaskStatuses.includes(task.status) ? <DeadlineTag state={deadlineState(task.dueDate, today, calendar)} /> : null}
              </span>
            ),
          },
          ...(inspection ? [] : [{ key: t("legalDue"), value: clockStopped ? tt("clockStoppedLegal", { days: task.legalDaysLeft ?? 0 }) : formatDate(task.legalDueDate, locale) }]),
          ...(task.extensionStatus
            ? [{ key: tt("extension"), value: tt(`extensionStatus.${task.extensionStatus}`, { days: task.extensionDays ?? 0, reason: task.extensionReason ?? "" }) }]
            : []),
          { key: t("assignee"), value: task.assigneeId ? nameForReader(result.assigneeName ?? "", locale) : t("unclaimed") },
          ...(task.reason ? [{ key: inspection ? t("findingsLabel") : t("reason"), value: task.reason }] : []),
          ...(licence
            ? [
                {
                  key: inspection ? tt("inspectedLicence") : tl("taskLicence"),
                  value: (
                    <Link href={`/desk/licences/${licence.id}`}>
                      {localize(licence.title, locale)} <span className="font-mono break-all">{licence.number}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />

      {!task.assigneeId && actionableTaskStatuses.includes(task.status) ? (
        <form action={claimTaskAction} className="mb-8">
          <input type="hidden" name="taskId" value={task.id} />
          <Button>{t("claim")}</Button>
        </form>
      ) : null}
      {mine && inspection && task.status === "waiting" ? (
        <section aria-labelledby="decide-inspection">
          <h2 id="decide-inspection" className="mb-3 text-2xl font-bold">
            {tt("inspectionTitle")}
          </h2>
          <p className="mb-4">{tt("inspectionLead", { date: formatDate(task.dueDate, locale) })}</p>
          <DecisionForm taskId={task.id} version={task.version} positive="pass" negative="fail" reasonLabel={t("findingsLabel")} decideAction={decideTaskAction} />
        </section>
      ) : null}
      {mine && !inspection && result.commitmentGiven && service.commitment && (task.status === "waiting" || task.status === "accepted") ? (
        <section aria-labelledby="decide-commitment">
          <h2 id="decide-commitment" className="mb-3 text-2xl font-bold">
            {tt("commitmentTitle")}
          </h2>
          <p className="mb-4">{tt("commitmentLead", { days: service.commitment.inspectionDays })}</p>
          <DecisionForm taskId={task.id} version={task.version} positive="approve-on-commitment" decideAction={decideTaskAction} />
        </section>
      ) : null}
      {mine && !inspection && task.status === "waiting" ? (
        <section aria-labelledby="decide-accept">
          <h2 id="decide-accept" className="mb-3 text-2xl font-bold">
            {t("acceptTitle")}
          </h2>
          <DecisionForm
            taskId={task.id}
            version={task.version}
            positive="accept"
            negative="refuse"
            reasonTemplates={refuseReasons.map((text) => localize(text, locale))}
            decideAction={decideTaskAction}
          />
        </section>
      ) : null}
      {mine && task.status === "supplement-received" ? (
        <section aria-labelledby="decide-supplement">
          <h2 id="decide-supplement" className="mb-3 text-2xl font-bold">
            {tt("supplementReceivedTitle")}
          </h2>
          <p className="mb-4">{tt("supplementReceivedLead")}</p>
          <DecisionForm taskId={task.id} version={task.version} positive="accept" decideAction={decideTaskAction} />
        </section>
      ) : null}
      {mine && task.status === "accepted" ? (
        <section aria-labelledby="decide-approve">
          <h2 id="decide-approve" className="mb-3 text-2xl font-bold">
            {t("decideTitle")}
          </h2>
          <DecisionForm
            taskId={task.id}
            version={task.version}
            positive="approve"
            negative="reject"
            reasonTemplates={rejectReasons.map((text) => localize(text, locale))}
            decideAction={decideTaskAction}
          />
        </section>
      ) : null}
      {mine && !inspection && (task.status === "accepted" || task.status === "supplement-received") ? (
        <details className="mb-8 border-2 border-line p-4">
          <summary className="cursor-pointer text-xl font-bold">{tt("supplementTitle")}</summary>
          <p className="my-3">{tt("supplementLead")}</p>
          <SupplementRequestForm taskId={task.id} version={task.version} groups={fieldGroups} requestAction={requestSupplementAction} />
        </details>
      ) : null}
      {mine && task.extensionStatus === null && actionableTaskStatuses.includes(task.status) ? (
        <details className="mb-8 border-2 border-line p-4">
          <summary className="cursor-pointer text-xl font-bold">{tt("extensionTitle")}</summary>
          <p className="my-3">{tt("extensionLead")}</p>
          <ExtensionRequestForm taskId={task.id} version={task.version} requestAction={requestExtensionAction} />
        </details>
      ) : null}

      <TaskAssignment
        taskId={task.id}
        version={task.version}
        status={task.status}
        assigneeId={task.assigneeId}
        assigneeName={result.assigneeName === null ? null : nameForReader(result.assigneeName, locale)}
        viewerId={actor.id}
        colleagues={(await listColleagues({ db, actor })).map((colleague) => ({ ...colleague, displayName: nameForReader(colleague.displayName, locale) }))}
        releaseAction={releaseTaskAction}
        assignAction={assignTaskAction}
      />

      {result.supplements.length > 0 ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">{tt("supplementsTitle")}</h2>
          <SupplementList supplements={result.supplements} definition={result.definition} locale={locale} licenceTitles={licenceTitles} materialLinks={materialLinks} />
        </>
      ) : null}

      <CaseDocumentList documents={documents} hrefOf={(documentId) => `/desk/tasks/${task.id}/documents/${documentId}`} locale={locale} />

      <h2 className="mb-3 text-2xl font-bold">{t("otherDepartments")}</h2>
      <TaskGraph tasks={result.siblings} locale={locale} currentId={task.id} />

      <h2 className="mb-3 text-2xl font-bold">{t("answers")}</h2>
      {result.partOnly ? <p className="mb-4 text-muted">{t("answersPart")}</p> : null}
      {/* Only this department's part of the answers reaches here (getTaskForClerk); masked by data class (maskStaffAnswer). */}
      <AnswerList definition={result.definition} answers={caseRow.answers} locale={locale} reader="staff" licenceTitles={licenceTitles} materialLinks={materialLinks} />
      {revealable.length > 0 ? <RevealPersonalForm taskId={task.id} fields={revealable} purposes={revealPurposes} revealAction={revealPersonalAnswersAction} /> : null}

      <h2 className="mb-3 text-2xl font-bold">{t("history")}</h2>
      <CaseTimeline events={result.events.map((event) => ({ ...event, who: event.actorName === null ? null : nameForReader(event.actorName, locale) }))} locale={locale} />
    </div>
  );
}
