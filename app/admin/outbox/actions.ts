"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import { retryDeadLetter } from "@/server/notifications/retry-dead-letter";

// Only the shape here: what may be retried is the use case's to decide.
const ZRetry = z.object({ id: z.string().catch("") });

/** The "send again" button of a dead letter: a plain form post that comes back to the list with what happened. */
export async function retryDeadLetterAction(formData: FormData) {
  const { id } = ZRetry.parse(Object.fromEntries(actionForm(formData)));
  const actor = await actorForAction("/admin/outbox", "retryDeadLetterAction");
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent("/admin/outbox")}`);
  const result = await retryDeadLetter({ db: getDb(), actor, outboxId: id });
  if (!result.ok) redirect(`/admin/outbox?error=${encodeURIComponent(result.code)}`);
  revalidatePath("/admin/outbox");
  redirect(`/admin/outbox?retried=${result.id}`);
}
