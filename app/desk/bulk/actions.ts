"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, withError } from "@/server/http/define-action";
import { assignTasks } from "@/server/workflow/assign-tasks";
import { claimTasks } from "@/server/workflow/claim-tasks";
import { formatTaskSelection, ZTaskSelection, type TTaskSelection } from "@/server/workflow/lock-task-batch";

/** Back to the confirmation page, which shows the batch as it is now and why it was refused. */
function confirmationAddress(action: "claim" | "assign", selection: TTaskSelection[], colleagueId?: string): string {
  const params = new URLSearchParams({ do: action });
  for (const item of selection) params.append("task", formatTaskSelection(item));
  if (colleagueId) params.set("to", colleagueId);
  return `/desk/bulk?${params}`;
}

/** Claims every confirmed task, or none. */
export const claimTasksAction = defineAction({
  route: "/desk/bulk",
  name: "claimTasksAction",
  input: z.object({ task: ZTaskSelection }),
  codes: { task: "invalid:bulk-selection" },
  back: "/desk",
  async run({ actor, db, input: { task } }) {
    const result = await claimTasks({ db, actor, selection: task });
    revalidatePath("/desk");
    if (!result.ok) redirect(withError(confirmationAddress("claim", task), result.code));
    redirect(`/desk?view=mine&done=claimed-many&count=${result.claimed}`);
  },
});

/** Hands every confirmed task to the colleague, or none. */
export const assignTasksAction = defineAction({
  route: "/desk/bulk",
  name: "assignTasksAction",
  input: z.object({ task: ZTaskSelection, to: z.uuid() }),
  codes: { task: "invalid:bulk-selection", to: "invalid:colleague" },
  back: "/desk",
  async run({ actor, db, input: { task, to } }) {
    const result = await assignTasks({ db, actor, selection: task, colleagueId: to });
    revalidatePath("/desk");
    if (!result.ok) redirect(withError(confirmationAddress("assign", task, to), result.code));
    redirect(`/desk?done=assigned-many&count=${result.assigned}`);
  },
});
