import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { DeskStatusTag } from "@/components/desk/desk-status-tag";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";
import type { TDeadlineState } from "@/lib/workflow/deadline-state";

export type TQueueCardTask = {
  id: string;
  version: number;
  caseNumber: string;
  serviceName: Parameters<typeof localize>[0];
  applicantType: "natural" | "legal";
  applicantName: string;
  channel: string;
  kind: TTaskKind;
  status: TTaskStatus;
  dueDate: string;
  deadline: TDeadlineState | null;
  assigneeId: string | null;
  assigneeName: string | null;
  decidedAt: Date | null;
};

type TQueueCardProps = {
  task: TQueueCardTask;
  finished: boolean;
  locale: Locale;
  /** The claim button's action, when the task can be claimed now. */
  claim?: (formData: FormData) => Promise<void>;
  /** The id of the bulk form the card's checkbox belongs to, when the task can be claimed or handed on. */
  bulkForm?: string;
};

/** One task of the queue: what it is, who applied, where it stands, and what the clerk can do with it from here. */
export async function QueueCard({ task, finished, locale, claim, bulkForm }: TQueueCardProps) {
  const t = await getTranslations("desk");
  const checkboxId = `select-${task.id}`;
  return (
    <li className="border-2 border-line p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xl font-bold">
            <Link href={`/desk/tasks/${task.id}`}>{localize(task.serviceName, locale)}</Link>
          </p>
          <p className="text-lg font-semibold break-words">
            <span className="sr-only">{t("applicant")}: </span>
            {nameForReader(task.applicantName, locale, task.applicantType === "legal" ? "company" : "person")}
          </p>
          <p className="font-mono text-base break-all text-muted">{task.caseNumber}</p>
        </div>
        <p className="flex flex-wrap gap-2">
          {task.kind === "inspection" ? <Tag tone="info">{t("inspectionTag")}</Tag> : null}
          <DeskStatusTag status={task.status} kind={task.kind} />
          {task.deadline ? <DeadlineTag state={task.deadline} /> : null}
          {task.channel !== "online" ? <Tag tone="info">{t(`search.channels.${task.channel}`)}</Tag> : null}
        </p>
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <p>
          {t(`applicantTypes.${task.applicantType}`)} ·{" "}
          {finished && task.decidedAt
            ? t("decidedOn", { date: formatDate(task.decidedAt, locale) })
            : task.status === "supplement-requested"
              ? t("timeLimitPaused")
              : t(task.kind === "inspection" ? "inspectBy" : "dueBy", { date: formatDate(task.dueDate, locale) })}
          {" · "}
          {task.assigneeId ? t(finished ? "handledBy" : "claimedBy", { name: nameForReader(task.assigneeName ?? "", locale) }) : t("unclaimed")}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          {bulkForm ? (
            <p className="flex items-center gap-2">
              <input
                id={checkboxId}
                type="checkbox"
                form={bulkForm}
                name="task"
                value={`${task.id}.${task.version}`}
                className="size-6 shrink-0 cursor-pointer"
              />
              <label htmlFor={checkboxId} className="cursor-pointer">
                {t("bulk.select")}
                <span className="sr-only"> {task.caseNumber}</span>
              </label>
            </p>
          ) : null}
          {claim ? (
            <form action={claim}>
              <input type="hidden" name="taskId" value={task.id} />
              <Button variant="secondary">
                {t("claim")}
                <span className="sr-only"> {task.caseNumber}</span>
              </Button>
            </form>
          ) : null}
        </div>
      </div>
    </li>
  );
}
