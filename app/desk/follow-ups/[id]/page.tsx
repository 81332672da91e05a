import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskStatusTag } from "@/components/desk/desk-status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { FollowUpReplyForm } from "@/components/ratings/follow-up-reply-form";
import { replyToFollowUpAction } from "./actions";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { subRatings } from "@/lib/ratings/levels";
import { requireActor } from "@/server/auth/require-actor";
import { getFollowUpForClerk } from "@/server/ratings/get-follow-up-for-clerk";
import { OpenUrgings } from "@/components/urgings/open-urgings";
import { listDepartmentUrgings } from "@/server/urgings/list-department-urgings";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("detailTitle") };
}

export default async function FollowUpPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/desk/follow-ups/[id]", returnTo: `/desk/follow-ups/${id}` });
  const result = await getFollowUpForClerk({ db: getDb(), actor, followUpId: id });
  // Another department's follow-up is not shown, and not confirmed to exist.
  if (!result.ok) notFound();
  const { done } = await searchParams;
  const t = await getTranslations("followUps");
  const tr = await getTranslations("rating");
  const locale = (await getLocale()) as Locale;
  const { followUp, rating } = result;
  const urgings = await listDepartmentUrgings({ db: getDb(), actor, followUpId: followUp.id });

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/desk/follow-ups">{t("backToList")}</Link>
      </p>
      {done === "1" && followUp.status === "answered" ? <Notice tone="success" title={t("done")} /> : null}
      <PageHeading caption={t("detailTitle")}>{localize(result.subjectName, locale)}</PageHeading>
      {urgings.ok ? <OpenUrgings urgings={urgings.rows} showSubject={false} /> : null}
      <SummaryList
        rows={[
          { key: t("caseNumber"), value: <span className="font-mono break-all">{result.caseNumber}</span> },
          { key: t("ratedOn"), value: formatDate(rating.createdAt, locale) },
          { key: t("overall"), value: <RatingLevelTag level={rating.overall} /> },
          ...subRatings.map((field) => ({ key: tr(`subLegends.${field}`), value: tr(`levels.${rating[field]}`) })),
          { key: t("comment"), value: rating.comment ? <span className="whitespace-pre-line">{rating.comment}</span> : <span className="text-muted">{t("noComment")}</span> },
          {
            key: t("replyDue"),
            value: (
              <span className="flex flex-wrap items-center gap-2">
                {formatDate(followUp.dueOn, locale)}
                {result.deadline ? <DeadlineTag state={result.deadline} /> : null}
              </span>
            ),
          },
        ]}
      />

      <h2 className="mb-3 text-2xl font-bold">{t("yourTasks")}</h2>
      <ul className="mb-10 space-y-2">
        {result.tasks.map((task) => (
          <li key={task.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/desk/tasks/${task.id}`}>{localize(task.serviceName, locale)}</Link>
            <DeskStatusTag status={task.status} kind={task.kind} />
          </li>
        ))}
      </ul>

      {followUp.status === "open" ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title" className="mb-3 text-2xl font-bold">
            {t("replyTitle")}
          </h2>
          <FollowUpReplyForm followUpId={followUp.id} replyAction={replyToFollowUpAction} />
        </section>
      ) : (
        <section aria-labelledby="reply-title" className="mb-10">
          <h2 id="reply-title" className="mb-3 text-2xl font-bold">
            {t("replyShownTitle")}
          </h2>
          <p className="mb-2 text-muted">{t("repliedBy", { name: nameForReader(result.repliedByName ?? "", locale), date: formatDateTime(followUp.repliedAt!, locale) })}</p>
          <p className="border-l-4 border-brand pl-4 whitespace-pre-line">{followUp.reply}</p>
        </section>
      )}
    </div>
  );
}
