"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";

import { getActor } from "@/server/auth/session";
import type { TErrorCode } from "@/server/errors";
import { claimTask } from "@/server/workflow/claim-task";
import { clerkDecisions, transitionTask } from "@/server/workflow/transition-task";

const ZClaim = z.object({ taskId: z.uuid() });

/** Claim from the queue, then go to the task. A lost race comes back to the queue with the reason. */
export async function claimTaskAction(formData: FormData) {
  const parsed = ZClaim.safeParse({ taskId: formData.get("taskId") });
  if (!parsed.success) redirect("/desk?error=forbidden:task");
  const actor = await getActor();
  if (!actor) redirect("/login?callbackUrl=/desk");
  const result = await claimTask({ db: getDb(), actor, taskId: parsed.data.taskId });
  revalidatePath("/desk");
  if (!result.ok) redirect(`/desk?error=${result.code}`);
  redirect(`/desk/tasks/${parsed.data.taskId}`);
}

export type TDecideState = { error?: TErrorCode; reason?: string };

const ZDecide = z.object({
  taskId: z.uuid(),
  action: z.enum(clerkDecisions),
  version: z.coerce.number().int().positive(),
  reason: z.string().max(2000).optional(),
});

export async function decideTaskAction(_state: TDecideState, formData: FormData): Promise<TDecideState> {
  const parsed = ZDecide.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "conflict:transition-not-allowed" };
  const actor = await getActor();
  if (!actor) return { error: "unauthorized:session" };
  const { taskId, action, version, reason } = parsed.data;
  const result = await transitionTask({ db: getDb(), actor, taskId, action, reason, expectedVersion: version });
  if (!result.ok) return { error: result.code, reason };
  revalidatePath("/desk");
  redirect(`/desk/tasks/${taskId}?done=${action}`);
}
