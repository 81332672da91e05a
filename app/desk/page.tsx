import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Tag } from "@/components/ui/tag";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { actionableTaskStatuses } from "@/lib/workflow/task-transitions";
import { requireActor } from "@/server/auth/require-actor";
import { getDepartment } from "@/server/catalog/get-department";
import { isErrorCode } from "@/server/errors";
import { countOpenFollowUps } from "@/server/ratings/count-open-follow-ups";
import { DONE_COUNT_CAP, listQueue, queueViews, type TQueueView } from "@/server/workflow/list-queue";
import { claimNextTaskAction, claimTaskAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("title") };
}

const searchFields = { view: z.enum(queueViews), after: z.string(), error: z.string(), done: z.enum(["released", "assigned"]) };

const queueHref = (view: TQueueView, after?: string) => `/desk?${new URLSearchParams(after ? { view, after } : { view })}`;

export default async function DeskPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/desk", returnTo: "/desk" });
  const db = getDb();
  const query = readSearchParams(await searchParams, searchFields);
  const { error, done } = query;
  const view = query.view ?? "unclaimed";
  const result = await listQueue({ db, actor, view, cursor: query.after });
  if (!result.ok) return null;
  // Only a cursor the queue honoured is carried on; any other address showed the first page.
  const after = result.after;
  const t = await getTranslations("desk");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const department = actor.departmentId ? await getDepartment({ db, id: actor.departmentId }) : null;
  const openFollowUps = await countOpenFollowUps({ db, actor });
  const countText = (name: TQueueView) =>
    name === "done" && result.counts.done >= DONE_COUNT_CAP ? t("countCapped", { count: DONE_COUNT_CAP }) : String(result.counts[name]);

  return (
    <>
      <PageHeading caption={department ? localize(department.name, locale) : undefined}>{t("title")}</PageHeading>
      <p className="mb-6">
        <Link href="/desk/follow-ups" className="inline-flex flex-wrap items-center gap-2">
          {t("followUpsLink")}
          {openFollowUps > 0 ? <Tag tone="warn">{t("followUpsOpen", { count: openFollowUps })}</Tag> : null}
        </Link>
      </p>
      <ErrorSummary title={t("errorTitle")} errors={isErrorCode(error) ? [{ href: "#claim-next", text: te(error) }] : []} />
      {done ? <Notice tone="success" title={t(`assignment.${done}`)} /> : null}

      <form action={claimNextTaskAction} className="mb-8">
        <p id="claim-next-hint" className="mb-2 text-muted">
          {t("claimNextHint")}
        </p>
        <Button id="claim-next" aria-describedby="claim-next-hint">
          {t("claimNext")}
        </Button>
      </form>

      <TabNav
        label={t("viewsLabel")}
        current={view}
        tabs={queueViews.map((name) => ({ key: name, href: queueHref(name), label: t(`views.${name}`), count: countText(name) }))}
      />

      <h2 id="queue" className="mb-3 text-2xl font-bold">
        {t("viewHeading", { view: t(`views.${view}`), count: countText(view) })}
      </h2>
      {result.rows.length === 0 ? (
        <p className="mb-8">{t(`empty.${view}`)}</p>
      ) : (
        <ul aria-labelledby="queue" className="mb-8 space-y-3">
          {result.rows.map((task) => (
            <li key={task.id} className="border-2 border-line p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="text-xl font-bold">
                    <Link href={`/desk/tasks/${task.id}`}>{localize(task.serviceName, locale)}</Link>
                  </p>
                  <p className="font-mono text-base break-all text-muted">{task.caseNumber}</p>
                </div>
                <p className="flex flex-wrap gap-2">
                  <TaskStatusTag status={task.status} />
                  {task.deadline ? <DeadlineTag state={task.deadline} /> : null}
                </p>
              </div>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
                <p>
                  {t(`applicantTypes.${task.applicantType}`)} ·{" "}
                  {view === "done" && task.decidedAt
                    ? t("decidedOn", { date: formatDate(task.decidedAt, locale) })
                    : task.status === "supplement-requested"
                      ? t("timeLimitPaused")
                      : t("dueBy", { date: formatDate(task.dueDate, locale) })}
                  {" · "}
                  {task.assigneeId ? t(view === "done" ? "handledBy" : "claimedBy", { name: nameForReader(task.assigneeName ?? "", locale) }) : t("unclaimed")}
                </p>
                {task.assigneeId === null && actionableTaskStatuses.includes(task.status) ? (
                  <form action={claimTaskAction}>
                    <input type="hidden" name="taskId" value={task.id} />
                    <Button variant="secondary">
                      {t("claim")}
                      <span className="sr-only"> {task.caseNumber}</span>
                    </Button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      {result.nextCursor || after ? (
        <nav aria-label={t("pagination")} className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          {after ? <Link href={queueHref(view)}>{t("firstPage")}</Link> : null}
          {result.nextCursor ? (
            <Link href={queueHref(view, result.nextCursor)} rel="next" className="font-semibold">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
