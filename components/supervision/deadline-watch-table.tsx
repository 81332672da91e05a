/** The live yellow- and red-card list (list-deadline-watch.ts): running tasks due within 2 working days or overdue. */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TaskStatusTag } from "@/components/cases/status-tag";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/workflow/deadline-state";
import type { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";

type TWatch = Extract<Awaited<ReturnType<typeof listDeadlineWatch>>, { ok: true }>;

/** `urgeHref`: for a supervisor, where an urging (督办) about the row's task is sent from; admins watch but do not urge. */
export async function DeadlineWatchTable({ watch, caption, urgeHref }: { watch: TWatch; caption: string; urgeHref?: (taskId: string) => string }) {
  const t = await getTranslations("supervise");
  const locale = (await getLocale()) as Locale;
  if (watch.rows.length === 0) return <p className="mb-8">{t("empty")}</p>;
  return (
    <DataTable
      id="deadlines"
      caption={caption}
      rows={watch.rows}
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
              <DeadlineTag state={deadlineState(row.dueDate, watch.today, watch.calendar)} />
            </span>
          ),
        },
        ...(urgeHref
          ? [
              {
                key: "urge",
                header: t("urge"),
                cell: (row: TWatch["rows"][number]) => (
                  <Link href={urgeHref(row.id)} className="whitespace-nowrap">
                    {t("urgeLink")}
                    <span className="sr-only"> {row.caseNumber}</span>
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
