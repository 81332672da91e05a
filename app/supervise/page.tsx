import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/workflow/deadline-state";
import { requireActor } from "@/server/auth/require-actor";
import { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";
import { isErrorCode } from "@/server/errors";
import { listExtensionRequests } from "@/server/workflow/list-extension-requests";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { listOverdueFollowUps } from "@/server/ratings/list-overdue-follow-ups";
import { decideExtensionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supervise"))("title") };
}

export default async function SupervisePage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/supervise", returnTo: "/supervise" });
  const t = await getTranslations("supervise");
  const locale = (await getLocale()) as Locale;
  const result = await listDeadlineWatch({ db: getDb(), actor });
  if (!result.ok) return null;
  const extensions = await listExtensionRequests({ db: getDb(), actor });
  const followUps = await listOverdueFollowUps({ db: getDb(), actor });
  const tExtension = await getTranslations("extensionRequests");
  const te = await getTranslations("errors");
  const { extension, error } = readSearchParams(await searchParams, { extension: z.enum(["approve", "deny"]), error: z.string() });
  return (
    <>
      {extension === "approve" || extension === "deny" ? <Notice tone="success" title={tExtension(`done.${extension}`)} /> : null}
      {isErrorCode(error) ? (
        <div role="alert" className="mb-8 border-4 border-danger p-4 font-semibold">
          {te(error)}
        </div>
      ) : null}
      <PageHeading>{t("title")}</PageHeading>
      {extensions.ok && extensions.requests.length > 0 ? (
        <section aria-labelledby="extension-requests" className="mb-10">
          <h2 id="extension-requests" className="mb-3 text-2xl font-bold">
            {tExtension("title", { count: extensions.requests.length })}
          </h2>
          <ul className="space-y-4">
            {extensions.requests.map((request) => (
              <li key={request.taskId} className="border-2 border-line p-4">
                <p className="font-semibold">
                  {localize(request.serviceName, locale)} · <span className="font-mono break-all">{request.caseNumber}</span>
                </p>
                <p>{tExtension("asked", { days: request.days ?? 0, date: formatDate(request.dueDate, locale) })}</p>
                <p className="mb-3">{tExtension("reason", { reason: request.reason ?? "" })}</p>
                <form action={decideExtensionAction} className="flex flex-wrap gap-4">
                  <input type="hidden" name="taskId" value={request.taskId} />
                  <input type="hidden" name="version" value={request.version} />
                  <Button name="decision" value="approve">
                    {tExtension("approve")}
                  </Button>
                  <Button name="decision" value="deny" variant="secondary">
                    {tExtension("deny")}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {followUps.ok ? (
        <section aria-labelledby="overdue-follow-ups" className="mb-10">
          <h2 id="overdue-follow-ups" className="mb-3 text-2xl font-bold">
            {t("followUpsTitle")}
          </h2>
          <p className="mb-4">{t("followUpsLead")}</p>
          {followUps.rows.length === 0 ? (
            <p>{t("followUpsEmpty")}</p>
          ) : (
            <ul aria-labelledby="overdue-follow-ups" className="space-y-3">
              {followUps.rows.map((row) => (
                <li key={row.id} className="border-2 border-line p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="font-semibold">
                      {localize(row.departmentName, locale)} · {localize(row.subjectName, locale)}
                    </p>
                    <RatingLevelTag level={row.overall} />
                  </div>
                  <p className="font-mono text-base break-all text-muted">{row.caseNumber}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-2">
                    {t("replyDueOn", { date: formatDate(row.dueOn, locale) })}
                    <DeadlineTag state="overdue" />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{t("deadlinesTitle")}</h2>
      <p className="mb-6">{t("lead")}</p>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          id="deadlines"
          caption={t("title")}
          rows={result.rows}
          rowKey={(row) => row.id}
          columns={[
            { key: "department", header: t("department"), cell: (row) => localize(row.departmentName, locale) },
            { key: "service", header: t("service"), cell: (row) => localize(row.serviceName, locale) },
            { key: "case", header: t("case"), className: "font-mono text-base break-all lg:break-normal lg:whitespace-nowrap", cell: (row) => row.caseNumber },
            { key: "due", header: t("due"), className: "whitespace-nowrap", cell: (row) => formatDate(row.dueDate, locale) },
            {
              key: "status",
              header: t("status"),
              cell: (row) => (
                <span className="flex flex-wrap gap-2">
                  <TaskStatusTag status={row.status} kind={row.kind} />
                  <DeadlineTag state={deadlineState(row.dueDate, result.today, result.calendar)} />
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
