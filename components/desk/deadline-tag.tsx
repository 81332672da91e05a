import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";
import type { TDeadlineState } from "@/lib/workflow/deadline-state";

export async function DeadlineTag({ state }: { state: TDeadlineState }) {
  const t = await getTranslations("deadline");
  if (state === "on-time") return null;
  return <Tag tone={state === "overdue" ? "bad" : "warn"}>{t(state)}</Tag>;
}
