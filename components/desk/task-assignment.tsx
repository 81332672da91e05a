"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Select, selectClass } from "@/components/forms/fields/common";
import { describedBy } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TTaskStatus } from "@/lib/workflow/statuses";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TErrorCode } from "@/server/errors";

export type TAssignmentState = { error?: TErrorCode };
type TAssignmentAction = (state: TAssignmentState, formData: FormData) => Promise<TAssignmentState>;

export type TTaskAssignmentProps = {
  taskId: string;
  /** The task version the page shows: a change made since refuses the action instead of overwriting it. */
  version: number;
  status: TTaskStatus;
  /** Who holds the task now (null: unclaimed) and their name. */
  assigneeId: string | null;
  assigneeName: string | null;
  /** The signed-in clerk. */
  viewerId: string;
  /** The department's other clerks: `listColleagues({ db, actor })` from server/workflow/assign-task.ts. */
  colleagues: { id: string; displayName: string }[];
  /** The page's server actions. */
  releaseAction: TAssignmentAction;
  assignAction: TAssignmentAction;
};

/**
 * Who handles a task, for the task page: the holder gives it back to the queue, and a clerk hands a task that is
 * unclaimed or their own to a colleague. Both post with the version shown; the use cases decide, so these are only
 * offered when they could succeed. Works without JavaScript (plain form posts; a refusal comes back inline).
 *
 * Mount on /desk/tasks/[id]:
 *   <TaskAssignment taskId={task.id} version={task.version} status={task.status} assigneeId={task.assigneeId}
 *     assigneeName={result.assigneeName} viewerId={actor.id} colleagues={await listColleagues({ db, actor })}
 *     releaseAction={releaseTaskAction} assignAction={assignTaskAction} />
 */
export function TaskAssignment({ taskId, version, status, assigneeId, assigneeName, viewerId, colleagues, releaseAction, assignAction }: TTaskAssignmentProps) {
  const t = useTranslations("desk.assignment");
  const td = useTranslations("desk");
  const te = useTranslations("errors");
  const [released, release, releasing] = useActionState<TAssignmentState, FormData>(releaseAction, {});
  const [assigned, assign, assigning] = useActionState<TAssignmentState, FormData>(assignAction, {});
  const open = !isTaskConcluded(status);
  const canRelease = open && assigneeId === viewerId;
  const canAssign = open && status !== "pending" && (assigneeId === null || assigneeId === viewerId);
  if (!canRelease && !canAssign) return null;

  const error = released.error ?? assigned.error;
  const colleagueError = assigned.error === "invalid:colleague" ? te(assigned.error) : undefined;
  return (
    <section aria-labelledby="assignment-title" className="mb-8 border-2 border-line p-4">
      <h2 id="assignment-title" className="mb-2 text-xl font-bold">
        {t("title")}
      </h2>
      <ErrorSummary title={td("errorTitle")} errors={error ? [{ href: colleagueError ? "#assign-colleague" : "#assignment-title", text: te(error) }] : []} />
      <p className="mb-4">{assigneeId ? t("holder", { name: assigneeName ?? "" }) : t("nobody")}</p>

      {canRelease ? (
        <form action={release} className="mb-6">
          <input type="hidden" name="taskId" value={taskId} />
          <input type="hidden" name="version" value={version} />
          <p id="release-hint" className="mb-2 text-muted">
            {t("releaseHint")}
          </p>
          <Button variant="secondary" disabled={releasing} aria-describedby="release-hint">
            {t("release")}
          </Button>
        </form>
      ) : null}

      {canAssign && colleagues.length === 0 ? <p>{t("noColleagues")}</p> : null}
      {canAssign && colleagues.length > 0 ? (
        <form action={assign} noValidate>
          <input type="hidden" name="taskId" value={taskId} />
          <input type="hidden" name="version" value={version} />
          <div className={`mb-4 ${colleagueError ? "border-l-4 border-danger pl-3" : ""}`}>
            <label htmlFor="assign-colleague" className="block font-semibold">
              {t("assignLabel")}
            </label>
            <p id="assign-colleague-hint" className="text-muted">
              {t("assignHint")}
            </p>
            {colleagueError ? (
              <p id="assign-colleague-error" className="font-semibold text-danger">
                {colleagueError}
              </p>
            ) : null}
            <Select
              id="assign-colleague"
              name="colleagueId"
              defaultValue=""
              aria-describedby={describedBy("assign-colleague", true, colleagueError)}
              aria-invalid={colleagueError ? true : undefined}
              className={`mt-2 ${selectClass(colleagueError)}`}
            >
              <option value="" disabled>
                {t("chooseColleague")}
              </option>
              {colleagues.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.displayName}
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" disabled={assigning}>
            {t("assignButton")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
