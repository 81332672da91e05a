import { getTranslations } from "next-intl/server";
import { taskTones } from "@/components/cases/status-tag";
import { Tag } from "@/components/ui/tag";
import type { TTaskStatus } from "@/lib/workflow/statuses";

/** A task's status in the clerk's words (desk.taskStatus), where the applicant's tracker speaks to the applicant. */
export async function DeskStatusTag({ status }: { status: TTaskStatus }) {
  const t = await getTranslations("desk.taskStatus");
  return <Tag tone={taskTones[status]}>{t(status)}</Tag>;
}
