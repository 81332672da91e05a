import { getTranslations } from "next-intl/server";
import type { TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";
import { localize, type Locale, type TLocalizedText } from "@/lib/i18n/locales";
import { layoutTaskStages } from "@/lib/workflow/task-stages";
import { TaskStatusTag } from "./status-tag";

type TGraphTask = { id: string; kind: TTaskKind; status: TTaskStatus; prerequisiteTaskIds: string[]; departmentName: TLocalizedText; serviceName: TLocalizedText };

/**
 * How a case's departments work together: stages in order, the tasks of one stage in parallel (并联), each later
 * task naming what it waits for (串联). A plain ordered list, so it reads the same to a screen reader.
 */
export async function TaskGraph({ tasks, locale, currentId }: { tasks: TGraphTask[]; locale: Locale; currentId?: string }) {
  const t = await getTranslations("taskGraph");
  const tt = await getTranslations("tracker");
  const stages = layoutTaskStages(tasks);
  const nameOf = new Map(tasks.map((task) => [task.id, localize(task.departmentName, locale)]));
  return (
    <ol className="mb-8 space-y-3" aria-label={t("label")}>
      {stages.map((stage, index) => (
        <li key={index} className="border-l-4 border-brand pl-4">
          <p className="font-semibold">{stages.length > 1 ? t("stage", { number: index + 1, count: stage.length }) : t("parallel")}</p>
          <ul className="mt-1 space-y-2">
            {stage.map((task) => (
              <li key={task.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${task.id === currentId ? "font-bold" : ""}`} aria-current={task.id === currentId ? "true" : undefined}>
                <span>
                  {localize(task.departmentName, locale)} —{" "}
                  {task.kind === "inspection" ? tt("inspectionOf", { service: localize(task.serviceName, locale) }) : localize(task.serviceName, locale)}
                </span>
                <TaskStatusTag status={task.status} kind={task.kind} />
                {task.prerequisiteTaskIds.length > 0 ? (
                  <span className="w-full text-base font-normal text-muted">
                    {t("after", { names: task.prerequisiteTaskIds.map((id) => nameOf.get(id) ?? "").filter(Boolean).join(locale === "en" ? ", " : "、") })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
