import { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import type { TCaseStatus, TTaskStatus } from "@/db/schema";

const taskTones: Record<TTaskStatus, TTagTone> = {
  waiting: "neutral",
  accepted: "info",
  refused: "bad",
  approved: "ok",
  rejected: "bad",
};
const caseTones: Record<TCaseStatus, TTagTone> = { submitted: "neutral", "in-progress": "info", concluded: "ok" };

export async function TaskStatusTag({ status }: { status: TTaskStatus }) {
  const t = await getTranslations("status.task");
  return <Tag tone={taskTones[status]}>{t(status)}</Tag>;
}

export async function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const t = await getTranslations("status.case");
  return <Tag tone={caseTones[status]}>{t(status)}</Tag>;
}
