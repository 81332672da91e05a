import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { caseChannels } from "@/db/schema";
import { BulkBar, BULK_FORM_ID } from "@/components/desk/bulk-bar";
import { QueueCard } from "@/components/desk/queue-card";
import { QueueSearch } from "@/components/desk/queue-search";
import { OpenUrgings } from "@/components/urgings/open-urgings";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { Tag } from "@/components/ui/tag";
import { PageHeading } from "@/components/ui/page-heading";
import { TabNav } from "@/components/ui/tab-nav";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { isSearchRefusal } from "@/lib/text/search-text";
import { actionableTaskStatuses, isTaskConcluded } from "@/lib/workflow/task-transitions";
import { requireActor } from "@/server/auth/require-actor";
import { getDepartment } from "@/server/catalog/get-department";
import { listDepartmentServices } from "@/server/catalog/list-department-services";
import { isErrorCode } from "@/server/errors";
import { countOpenFollowUps } from "@/server/ratings/count-open-follow-ups";
import { readCurrentTime } from "@/server/clock";
import { listDepartmentUrgings } from "@/server/urgings/list-department-urgings";
import { listColleagues } from "@/server/workflow/assign-task";
import { DONE_COUNT_CAP, listQueue, queueViews, type TQueueView } from "@/server/workflow/list-queue";
import { queueHref, queueStatuses, readQueueAddress, sortsOf, type TQueueAddress } from "@/server/workflow/queue-query";
import { claimNextTaskAction, claimTaskAction, searchQueueAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("title") };
}

const doneNotices = ["released", "assigned", "claimed-many", "assigned-many"] as const;
const noticeFields = { error: z.string(), done: z.enum(doneNotices), count: z.coerce.number().int().min(1).max(1000) };

export default async function DeskPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/desk", returnTo: "/desk" });
  const db = getDb();
  const raw = await searchParams;
  const { error, done, count } = readSearchParams(raw, noticeFields);
  const asked = readQueueAddress(raw);
  const view = asked.view ?? "unclaimed";
  const filters = { q: asked.q, service: asked.service, status: asked.status, dueFrom: asked.dueFrom, dueTo: asked.dueTo, channel: asked.channel };
  const result = await listQueue({ db, actor, view, filters, sort: asked.sort, cursor: asked.after });
  if (!result.ok) return null;
  const t = await getTranslations("desk");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const departmentId = actor.departmentId!;
  const [department, urgings, openFollowUps, services, colleagues] = [
    await getDepartment({ db, id: departmentId }),
    await listDepartmentUrgings({ db, actor, now: (await readCurrentTime()).now }),
    await countOpenFollowUps({ db, actor }),
    await listDepartmentServices({ db, departmentId }),
    await listColleagues({ db, actor }),
  ];
  // The sort is kept in the address only when it is one this view offers; a cursor only when the queue honoured it.
  const kept: TQueueAddress = { ...filters, sort: result.sort === sortsOf(view)[0] ? undefined : result.sort };
  const hrefOf = (name: TQueueView, after?: string | null) => queueHref({ ...kept, sort: name === view ? kept.sort : undefined, view: name, after });
  const countText = (name: TQueueView) =>
    result.counts[name] >= DONE_COUNT_CAP ? t("countCapped", { count: DONE_COUNT_CAP }) : String(result.counts[name]);
  const searchError = result.searchError ?? (isSearchRefusal(error) ? error : null);
  const otherError = isErrorCode(error) && error !== searchError ? error : null;
  const finished = view === "done";
  const selectable = (task: (typeof result.rows)[number]) =>
    (task.assigneeId === null || task.assigneeId === actor.id) && task.status !== "pending" && !isTaskConcluded(task.status);

  return (
    <>
      <PageHeading caption={department ? localize(department.name, locale) : undefined}>{t("title")}</PageHeading>
      {/* 督办 first: a supervisor's notice waits for this department's answer by a date. */}
      {urgings.ok ? <OpenUrgings urgings={urgings.rows} /> : null}
      <p className="mb-6">
        <Link href="/desk/follow-ups" className="inline-flex flex-wrap items-center gap-2">
          {t("followUpsLink")}
          {openFollowUps > 0 ? <Tag tone="warn">{t("followUpsOpen", { count: openFollowUps })}</Tag> : null}
        </Link>
      </p>
      <ErrorSummary
        title={t("errorTitle")}
        errors={[
          ...(searchError ? [{ href: "#queue-search", text: te(searchError) }] : []),
          ...(otherError ? [{ href: "#claim-next", text: te(otherError) }] : []),
        ]}
      />
      {done ? <Notice tone="success" title={t(`assignment.${done}`, { count: count ?? 1 })} /> : null}

      <form action={claimNextTaskAction} className="mb-8">
        <p id="claim-next-hint" className="mb-2 text-muted">
          {t("claimNextHint")}
        </p>
        <Button id="claim-next" aria-describedby="claim-next-hint">
          {t("claimNext")}
        </Button>
      </form>

      <QueueSearch
        action={searchQueueAction}
        values={{ ...filters, view, sort: kept.sort }}
        services={services}
        statuses={queueStatuses}
        channels={caseChannels}
        sorts={sortsOf(view)}
        clearHref={queueHref({ view })}
        searchError={searchError ? te(searchError) : undefined}
        locale={locale}
      />

      <TabNav
        label={t("viewsLabel")}
        current={view}
        tabs={queueViews.map((name) => ({ key: name, href: hrefOf(name), label: t(`views.${name}`), count: countText(name) }))}
      />

      <h2 id="queue" className="mb-3 text-2xl font-bold">
        {t("viewHeading", { view: t(`views.${view}`), count: countText(view) })}
      </h2>
      {result.rows.length === 0 ? (
        <p className="mb-8">{asked.q || kept.service || kept.status || kept.dueFrom || kept.dueTo || kept.channel ? t("noMatch") : t(`empty.${view}`)}</p>
      ) : (
        <>
          {result.rows.some(selectable) ? <BulkBar colleagues={colleagues} locale={locale} /> : null}
          <ul aria-labelledby="queue" className="mb-8 space-y-3">
            {result.rows.map((task) => (
              <QueueCard
                key={task.id}
                task={task}
                finished={finished}
                locale={locale}
                claim={task.assigneeId === null && actionableTaskStatuses.includes(task.status) ? claimTaskAction : undefined}
                bulkForm={selectable(task) ? BULK_FORM_ID : undefined}
              />
            ))}
          </ul>
        </>
      )}

      {result.nextCursor || result.after ? (
        <nav aria-label={t("pagination")} className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          {result.after ? <Link href={hrefOf(view)}>{t("firstPage")}</Link> : null}
          {result.nextCursor ? (
            <Link href={hrefOf(view, result.nextCursor)} rel="next" className="font-semibold">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
