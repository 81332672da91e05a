import { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import type { TCaseStatus, TTaskStatus } from "@/lib/workflow/statuses";

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
};
const caseTones: Record<TCaseStatus, TTagTone> = {
  submitted: "neutral",
  "in-progress": "info",
  "waiting-for-applicant": "warn",
  concluded: "ok",
  withdrawn: "neutral",
};

export async function TaskStatusTag({ status }: { status: TTaskStatus }) {
  const t = await getTranslations("status.task");
  return <Tag tone={taskTones[status]}>{t(status)}</Tag>;
}

export async function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const t = await getTranslations("status.case");
  return <Tag tone={caseTones[status]}>{t(status)}</Tag>;
}
