import { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import type { TCaseStatus, TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";

/** The statuses an inspection after an approval on commitment can be in, which have their own words. */
export const inspectionStatuses = ["waiting", "passed", "failed"] as const satisfies readonly TTaskStatus[];
export function isInspectionStatus(status: TTaskStatus): status is (typeof inspectionStatuses)[number] {
  return (inspectionStatuses as readonly TTaskStatus[]).includes(status);
}

export const taskTones: Record<TTaskStatus, TTagTone> = {
  pending: "neutral",
  waiting: "neutral",
  accepted: "info",
  "supplement-requested": "warn",
  "supplement-received": "info",
  refused: "bad",
  approved: "ok",
  rejected: "bad",
  withdrawn: "neutral",
  cancelled: "neutral",
  passed: "ok",
  failed: "bad",
};
const caseTones: Record<TCaseStatus, TTagTone> = {
  submitted: "neutral",
  "in-progress": "info",
  "waiting-for-applicant": "warn",
  concluded: "ok",
  withdrawn: "neutral",
};

/** A task's status in the applicant's words; an inspection's (核查) in its own. */
export async function TaskStatusTag({ status, kind = "review" }: { status: TTaskStatus; kind?: TTaskKind }) {
  const t = await getTranslations("status");
  return <Tag tone={taskTones[status]}>{kind === "inspection" && isInspectionStatus(status) ? t(`inspection.${status}`) : t(`task.${status}`)}</Tag>;
}

export async function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const t = await getTranslations("status.case");
  return <Tag tone={caseTones[status]}>{t(status)}</Tag>;
}
