"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";

import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";
import { assignTask } from "@/server/workflow/assign-task";
import { claimNextTask } from "@/server/workflow/claim-next-task";
import { claimTask } from "@/server/workflow/claim-task";
import { releaseTask } from "@/server/workflow/release-task";
import { clerkDecisions, decideTask } from "@/server/workflow/decide-task";

const ZClaim = z.object({ taskId: z.uuid() });

/** Claim from the queue, then go to the task. A lost race comes back to the queue with the reason. */
export async function claimTaskAction(formData: FormData) {
  formData = actionForm(formData);
  const parsed = ZClaim.safeParse({ taskId: formData.get("taskId") });
  if (!parsed.success) redirect("/desk?error=forbidden:task");
  const actor = await actorForAction("/desk", "claimTaskAction");
  if (!actor) redirect("/login?callbackUrl=/desk");
  const result = await claimTask({ db: getDb(), actor, taskId: parsed.data.taskId });
  revalidatePath("/desk");
  if (!result.ok) redirect(`/desk?error=${result.code}`);
  redirect(`/desk/tasks/${parsed.data.taskId}`);
}

/** "Claim next": the department's unclaimed task due soonest, then go to it; an empty queue says so on the queue. */
export async function claimNextTaskAction() {
  const actor = await actorForAction("/desk", "claimNextTaskAction");
  if (!actor) redirect("/login?callbackUrl=/desk");
  const result = await claimNextTask({ db: getDb(), actor });
  revalidatePath("/desk");
  if (!result.ok) redirect(`/desk?error=${result.code}`);
  redirect(`/desk/tasks/${result.taskId}`);
}

export type TAssignmentState = { error?: TErrorCode };

const ZRelease = z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive() });

/** The assignee gives the task back to the queue; back on the queue, they are told it worked. */
export async function releaseTaskAction(_state: TAssignmentState, formData: FormData): Promise<TAssignmentState> {
  formData = actionForm(formData);
  const parsed = ZRelease.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "forbidden:task" };
  const actor = await actorForAction("/desk", "releaseTaskAction");
  if (!actor) return { error: "unauthorized:session" };
  const result = await releaseTask({ db: getDb(), actor, taskId: parsed.data.taskId, expectedVersion: parsed.data.version });
  if (!result.ok) return { error: result.code };
  revalidatePath("/desk");
  redirect("/desk?done=released");
}

const ZAssign = ZRelease.extend({ colleagueId: z.uuid() });

/** Hands the task to a colleague of the department, who is told in their inbox. */
export async function assignTaskAction(_state: TAssignmentState, formData: FormData): Promise<TAssignmentState> {
  formData = actionForm(formData);
  const parsed = ZAssign.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues.some((issue) => issue.path[0] === "colleagueId") ? "invalid:colleague" : "forbidden:task" };
  const actor = await actorForAction("/desk", "assignTaskAction");
  if (!actor) return { error: "unauthorized:session" };
  const { taskId, version, colleagueId } = parsed.data;
  const result = await assignTask({ db: getDb(), actor, taskId, colleagueId, expectedVersion: version });
  if (!result.ok) return { error: result.code };
  revalidatePath("/desk");
  redirect("/desk?done=assigned");
}

export type TDecideState = { error?: TErrorCode; reason?: string };

const ZDecide = z.object({
  taskId: z.uuid(),
  action: z.enum(clerkDecisions),
  version: z.coerce.number().int().positive(),
  reason: z.string().max(2000).optional(),
});

export async function decideTaskAction(_state: TDecideState, formData: FormData): Promise<TDecideState> {
  formData = actionForm(formData);
  const parsed = ZDecide.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "conflict:transition-not-allowed" };
  const actor = await actorForAction("/desk", "decideTaskAction");
  if (!actor) return { error: "unauthorized:session" };
  const { taskId, action, version, reason } = parsed.data;
  const result = await decideTask({ db: getDb(), actor, taskId, action, reason, expectedVersion: version });
  if (!result.ok) return { error: result.code, reason };
  revalidatePath("/desk");
  redirect(`/desk/tasks/${taskId}?done=${action}`);
}
