"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import { decideExtension } from "@/server/workflow/decide-extension";

const ZDecision = z.object({ taskId: z.uuid(), version: z.coerce.number().int().positive(), decision: z.enum(["approve", "deny"]) });

/** A supervisor's answer to an extension request; the outcome or the refusal comes back on the page. */
export async function decideExtensionAction(formData: FormData): Promise<void> {
  formData = actionForm(formData);
  const parsed = ZDecision.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/supervise?error=conflict:task-changed");
  const actor = await actorForAction("/supervise", "decideExtensionAction");
  if (!actor) redirect("/login?callbackUrl=/supervise");
  const { taskId, version, decision } = parsed.data;
  const result = await decideExtension({ db: getDb(), actor, taskId, expectedVersion: version, approve: decision === "approve" });
  revalidatePath("/supervise");
  redirect(result.ok ? `/supervise?extension=${decision}` : `/supervise?error=${encodeURIComponent(result.code)}`);
}
