import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { DeskStatusTag } from "@/components/desk/desk-status-tag";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { requireActor } from "@/server/auth/require-actor";
import { isErrorCode } from "@/server/errors";
import { formatTaskSelection, ZTaskSelection } from "@/server/workflow/lock-task-batch";
import { bulkActions, previewTaskBatch } from "@/server/workflow/preview-task-batch";
import { assignTasksAction, claimTasksAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.bulk"))("confirmTitle") };
}

const fields = { do: z.enum(bulkActions), to: z.string(), error: z.string() };

/**
 * The one confirmation of a bulk claim or assignment: what will happen to which tasks, as they are now. Reached by
 * the queue's GET form (task ids and versions only: no personal data in the address); confirming posts the same
 * selection, which is done whole or not at all.
 */
export default async function BulkPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/desk/bulk", returnTo: "/desk" });
  const raw = await searchParams;
  const query = readSearchParams(raw, fields);
  const action = query.do ?? "claim";
  const selection = ZTaskSelection.safeParse(raw.task);
  const t = await getTranslations("desk.bulk");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const preview = selection.success
    ? await previewTaskBatch({ db: getDb(), actor, action, selection: selection.data, colleagueId: query.to })
    : ({ ok: false, code: action === "assign" && !query.to ? "invalid:colleague" : "invalid:bulk-selection" } as const);
  const posted = isErrorCode(query.error) ? query.error : null;
  const problem = preview.ok ? preview.problem : preview.code;
  const errors = [...new Set([posted, problem].filter((code) => code !== null))].map((code) => ({ href: "#batch", text: te(code) }));

  return (
    <>
      <PageHeading>{t("confirmTitle")}</PageHeading>
      <ErrorSummary title={t("refusedTitle")} errors={errors} />
      {preview.ok ? (
        <>
          <p id="batch" className="mb-4 text-lg">
            {action === "claim" ? t("willClaim", { count: preview.rows.length }) : t("willAssign", { count: preview.rows.length, name: preview.colleague ? nameForReader(preview.colleague.displayName, locale) : "—" })}
          </p>
          <ul className="mb-6 space-y-2">
            {preview.rows.map((row) => (
              <li key={row.id} className={`border-2 p-3 ${row.problem ? "border-danger" : "border-line"}`}>
                <p className="font-bold">{localize(row.serviceName, locale)}</p>
                <p className="font-semibold">{nameForReader(row.applicantName, locale, row.applicantType === "legal" ? "company" : "person")}</p>
                <p className="font-mono break-all text-muted">{row.caseNumber}</p>
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  <DeskStatusTag status={row.status} kind={row.kind} />
                  {row.assigneeName ? <span>{t("heldBy", { name: nameForReader(row.assigneeName, locale) })}</span> : null}
                </p>
                {row.problem ? <p className="mt-1 font-semibold text-danger">{te(row.problem)}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p id="batch" className="mb-6">
          {t("nothingShown")}
        </p>
      )}
      {problem ? <p className="mb-6 font-semibold">{t("nothingChanged")}</p> : null}
      <div className="mb-8 flex flex-wrap items-center gap-6">
        {preview.ok && !problem && selection.success ? (
          <form action={action === "claim" ? claimTasksAction : assignTasksAction}>
            {selection.data.map((item) => (
              <input key={item.taskId} type="hidden" name="task" value={formatTaskSelection(item)} />
            ))}
            {action === "assign" && preview.colleague ? <input type="hidden" name="to" value={preview.colleague.id} /> : null}
            <Button>{action === "claim" ? t("confirmClaim", { count: preview.rows.length }) : t("confirmAssign", { count: preview.rows.length })}</Button>
          </form>
        ) : null}
        <Link href="/desk">{t("cancel")}</Link>
      </div>
    </>
  );
}
