import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/workflow/deadline-state";
import { requireActor } from "@/server/auth/session";
import { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supervise"))("title") };
}

export default async function SupervisePage() {
  const actor = await requireActor({ roles: ["supervisor", "admin"], returnTo: "/supervise" });
  const t = await getTranslations("supervise");
  const locale = (await getLocale()) as Locale;
  const result = await listDeadlineWatch({ db: getDb(), actor });
  if (!result.ok) return null;
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6">{t("lead")}</p>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">{t("department")}</th>
                <th scope="col" className="py-2 pr-4">{t("service")}</th>
                <th scope="col" className="py-2 pr-4">{t("case")}</th>
                <th scope="col" className="py-2 pr-4">{t("due")}</th>
                <th scope="col" className="py-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4">{localize(row.departmentName, locale)}</td>
                  <td className="py-2 pr-4">{localize(row.serviceName, locale)}</td>
                  <td className="py-2 pr-4 font-mono text-base break-all">{row.caseNumber}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDate(row.dueDate, locale)}</td>
                  <td className="py-2">
                    <span className="flex flex-wrap gap-2">
                      <TaskStatusTag status={row.status} />
                      <DeadlineTag state={deadlineState(row.dueDate, result.today, result.calendar)} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
