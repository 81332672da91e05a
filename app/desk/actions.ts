"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TDecideState } from "@/components/desk/decision-form";
import type { TAssignmentState } from "@/components/desk/task-assignment";
import { defineAction, withError } from "@/server/http/define-action";
import { assignTask } from "@/server/workflow/assign-task";
import { claimNextTask } from "@/server/workflow/claim-next-task";
import { claimTask } from "@/server/workflow/claim-task";
import { releaseTask } from "@/server/workflow/release-task";
import { queueFilterNames, queueViews, searchRedirect } from "@/server/workflow/queue-query";
import { clerkDecisions, decideTask } from "@/server/workflow/decide-task";

/** Claim from the queue, then go to the task. A lost race comes back to the queue with the reason. */
export const claimTaskAction = defineAction({
  route: "/desk",
  name: "claimTaskAction",
  input: z.object({ taskId: z.uuid() }),
  back: "/desk",
  async run({ actor, db, input: { taskId } }) {
    const result = await claimTask({ db, actor, taskId });
    revalidatePath("/desk");
    if (!result.ok) redirect(withError("/desk", result.code));
    redirect(`/desk/tasks/${taskId}`);
  },
});

/** "Claim next": the department's unclaimed task due soonest, then go to it; an empty queue says so on the queue. */
export const claimNextTaskAction = defineAction({
  route: "/desk",
  name: "claimNextTaskAction",
  input: z.object({}),
  back: "/desk",
  async run({ actor, db }) {
    const result = await claimNextTask({ db, actor });
    revalidatePath("/desk");
    if (!result.ok) redirect(withError("/desk", result.code));
    redirect(`/desk/tasks/${result.taskId}`);
  },
});

/**
 * The queue's search and filters. A post, not a GET form, so that a whole ID number typed into the search box never
 * travels in an address: it is refused here, and what is kept is redirected to as the desk's address.
 */
export const searchQueueAction = defineAction({
  route: "/desk",
  name: "searchQueueAction",
  // The form always posts its view; each other field is checked on its own by searchRedirect (a bad one is left out).
  input: z.object({ view: z.enum(queueViews), ...Object.fromEntries(["sort", ...queueFilterNames].map((name) => [name, z.string().max(400).optional()])) }),
  back: "/desk",
  async run({ input }) {
    const { href, error } = searchRedirect(input);
    redirect(error ? withError(href, error) : href);
  },
});

const ZRelease = z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive() });

/** The assignee gives the task back to the queue; back on the queue, they are told it worked. */
export const releaseTaskAction = defineAction({
  route: "/desk",
  name: "releaseTaskAction",
  state: true,
  input: ZRelease,
  async run({ actor, db, input: { taskId, version } }): Promise<TAssignmentState> {
    const result = await releaseTask({ db, actor, taskId, expectedVersion: version });
    if (!result.ok) return { error: result.code };
    revalidatePath("/desk");
    redirect("/desk?done=released");
  },
});

/** Hands the task to a colleague of the department, who is told in their inbox. */
export const assignTaskAction = defineAction({
  route: "/desk",
  name: "assignTaskAction",
  state: true,
  input: ZRelease.extend({ colleagueId: z.uuid() }),
  // The select's empty choice: no colleague picked.
  codes: { colleagueId: "invalid:colleague" },
  async run({ actor, db, input: { taskId, version, colleagueId } }): Promise<TAssignmentState> {
    const result = await assignTask({ db, actor, taskId, colleagueId, expectedVersion: version });
    if (!result.ok) return { error: result.code };
    revalidatePath("/desk");
    redirect("/desk?done=assigned");
  },
});

/** The clerk's decision (accept, refuse, approve, reject) with the version of the task they saw. */
export const decideTaskAction = defineAction({
  route: "/desk",
  name: "decideTaskAction",
  state: true,
  input: z.object({
    taskId: z.uuid(),
    action: z.enum(clerkDecisions),
    version: z.coerce.number().int().positive(),
    reason: z.string().max(2000).optional(),
    // A reason template picked without JavaScript: used when the reason box is left empty.
    reasonTemplate: z.string().max(2000).optional(),
  }),
  codes: { reason: "invalid:reason-too-long", reasonTemplate: "invalid:reason-too-long" },
  async run({ actor, db, input: { taskId, action, version, reason: typed, reasonTemplate } }): Promise<TDecideState> {
    const reason = typed?.trim() ? typed : reasonTemplate;
    const result = await decideTask({ db, actor, taskId, action, reason, expectedVersion: version });
    if (!result.ok) return { error: result.code, reason };
    revalidatePath("/desk");
    redirect(`/desk/tasks/${taskId}?done=${action}`);
  },
});
