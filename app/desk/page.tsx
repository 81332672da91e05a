import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { toIsoDate } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/workflow/deadline-state";
import { requireActor } from "@/server/auth/session";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { errorCodes, type TErrorCode } from "@/server/errors";
import { listDepartmentTasks } from "@/server/workflow/list-department-tasks";
import { getDepartment } from "@/server/catalog/get-department";
import { claimTaskAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("title") };
}

export default async function DeskPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const actor = await requireActor({ roles: ["clerk"], returnTo: "/desk" });
  const db = getDb();
  const t = await getTranslations("desk");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const result = await listDepartmentTasks({ db, actor });
  if (!result.ok) return null;
  const [department, calendar] = await Promise.all([getDepartment({ db, id: actor.departmentId! }), loadCalendar(db)]);
  const today = toIsoDate(new Date());
  const { error } = await searchParams;
  const errorCode = errorCodes.includes(error as TErrorCode) ? (error as TErrorCode) : null;

  return (
    <>
      <PageHeading caption={department ? localize(department.name, locale) : undefined}>{t("title")}</PageHeading>
      <ErrorSummary title={t("errorTitle")} errors={errorCode ? [{ href: "#queue", text: te(errorCode) }] : []} />
      <h2 id="queue" className="mb-3 text-2xl font-bold">
        {t("open", { count: result.open.length })}
      </h2>
      {result.open.length === 0 ? (
        <p className="mb-8">{t("emptyQueue")}</p>
      ) : (
        <ul className="mb-10 space-y-3">
          {result.open.map((task) => (
            <li key={task.id} className="border-2 border-line p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="text-xl font-bold">
                    <Link href={`/desk/tasks/${task.id}`}>{localize(task.serviceName, locale)}</Link>
                  </p>
                  <p className="font-mono text-base break-all text-muted">{task.caseNumber}</p>
                </div>
                <p className="flex flex-wrap gap-2">
                  <TaskStatusTag status={task.status} />
                  <DeadlineTag state={deadlineState(task.dueDate, today, calendar)} />
                </p>
              </div>
              <p className="mt-2">
                {t("dueBy", { date: formatDate(task.dueDate, locale) })} ·{" "}
                {task.assigneeId ? t("claimedBy", { name: task.assigneeName ?? "" }) : t("unclaimed")}
              </p>
              {task.assigneeId ? null : (
                <form action={claimTaskAction} className="mt-3">
                  <input type="hidden" name="taskId" value={task.id} />
                  <Button variant="secondary">
                    {t("claim")}
                    <span className="sr-only"> {task.caseNumber}</span>
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-3 text-2xl font-bold">{t("done")}</h2>
      {result.done.length === 0 ? (
        <p>{t("emptyDone")}</p>
      ) : (
        <ul className="mb-8">
          {result.done.map((task) => (
            <li key={task.id} className="flex flex-wrap items-center gap-3 border-b border-line py-2">
              <Link href={`/desk/tasks/${task.id}`}>{localize(task.serviceName, locale)}</Link>
              <span className="font-mono text-base text-muted">{task.caseNumber}</span>
              <TaskStatusTag status={task.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
