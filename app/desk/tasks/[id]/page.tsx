import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DecisionForm } from "@/components/desk/decision-form";
import { AnswerList } from "@/components/forms/answer-list";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/session";
import { getTaskForClerk } from "@/server/workflow/get-task-for-clerk";
import { claimTaskAction } from "../../actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("taskTitle") };
}

export default async function TaskPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ roles: ["clerk"], returnTo: `/desk/tasks/${id}` });
  if (!z.uuid().safeParse(id).success) notFound();
  const result = await getTaskForClerk({ db: getDb(), actor, taskId: id });
  // Another department's task is not shown, and not confirmed to exist.
  if (!result.ok) notFound();
  const t = await getTranslations("desk");
  const locale = (await getLocale()) as Locale;
  const { done } = await searchParams;
  const { task, service, case: caseRow } = result;
  const mine = task.assigneeId === actor.id;

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/desk">{t("backToQueue")}</Link>
      </p>
      {done && ["accept", "refuse", "approve", "reject"].includes(done) ? (
        <Notice tone="success" title={t(`done_${done}`)} />
      ) : null}
      <PageHeading caption={caseRow.number}>{localize(service.name, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("status"), value: <TaskStatusTag status={task.status} /> },
          { key: t("applicant"), value: result.applicantName },
          { key: t("submitted"), value: formatDate(caseRow.submittedAt, locale) },
          { key: t("promisedDue"), value: formatDate(task.dueDate, locale) },
          { key: t("legalDue"), value: formatDate(task.legalDueDate, locale) },
          { key: t("assignee"), value: task.assigneeId ? (result.assigneeName ?? "") : t("unclaimed") },
          ...(task.reason ? [{ key: t("reason"), value: task.reason }] : []),
        ]}
      />

      {!task.assigneeId && (task.status === "waiting" || task.status === "accepted") ? (
        <form action={claimTaskAction} className="mb-8">
          <input type="hidden" name="taskId" value={task.id} />
          <Button>{t("claim")}</Button>
        </form>
      ) : null}
      {mine && task.status === "waiting" ? (
        <section aria-labelledby="decide-accept">
          <h2 id="decide-accept" className="mb-3 text-2xl font-bold">{t("acceptTitle")}</h2>
          <DecisionForm taskId={task.id} version={task.version} positive="accept" negative="refuse" />
        </section>
      ) : null}
      {mine && task.status === "accepted" ? (
        <section aria-labelledby="decide-approve">
          <h2 id="decide-approve" className="mb-3 text-2xl font-bold">{t("decideTitle")}</h2>
          <DecisionForm taskId={task.id} version={task.version} positive="approve" negative="reject" />
        </section>
      ) : null}

      <h2 className="mb-3 text-2xl font-bold">{t("otherDepartments")}</h2>
      <ul className="mb-8">
        {result.siblings.map((sibling) => (
          <li key={sibling.id} className="flex flex-wrap items-center gap-3 border-b border-line py-2">
            <span>{localize(sibling.departmentName, locale)} — {localize(sibling.serviceName, locale)}</span>
            <TaskStatusTag status={sibling.status} />
          </li>
        ))}
      </ul>

      <h2 className="mb-3 text-2xl font-bold">{t("answers")}</h2>
      <AnswerList definition={result.definition} answers={caseRow.answers} locale={locale} />

      <h2 className="mb-3 text-2xl font-bold">{t("history")}</h2>
      <CaseTimeline events={result.events.map((event) => ({ ...event, who: event.actorName }))} locale={locale} />
    </div>
  );
}
