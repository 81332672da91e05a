import { getTranslations } from "next-intl/server";
import { isInspectionStatus, taskTones } from "@/components/cases/status-tag";
import { Tag } from "@/components/ui/tag";
import type { TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";

/**
 * A task's status in the clerk's words (desk.taskStatus), where the applicant's tracker speaks to the applicant; an
 * inspection after an approval on commitment in the inspector's (desk.inspectionStatus: "to inspect", not "to accept").
 */
export async function DeskStatusTag({ status, kind = "review" }: { status: TTaskStatus; kind?: TTaskKind }) {
  const t = await getTranslations("desk");
  return <Tag tone={taskTones[status]}>{kind === "inspection" && isInspectionStatus(status) ? t(`inspectionStatus.${status}`) : t(`taskStatus.${status}`)}</Tag>;
}
