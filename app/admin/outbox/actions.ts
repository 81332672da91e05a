"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, withError } from "@/server/http/define-action";
import { retryDeadLetter } from "@/server/notifications/retry-dead-letter";

// An outbox row's id; whether it may be retried is the use case's to decide.
const ZRetry = z.object({ id: z.string().regex(/^\d{1,16}$/) });

/** The "send again" button of a dead letter: a plain form post that comes back to the list with what happened. */
export const retryDeadLetterAction = defineAction({
  route: "/admin/outbox",
  name: "retryDeadLetterAction",
  input: ZRetry,
  back: "/admin/outbox",
  async run({ actor, db, input: { id } }) {
    const result = await retryDeadLetter({ db, actor, outboxId: id });
    if (!result.ok) redirect(withError("/admin/outbox", result.code));
    revalidatePath("/admin/outbox");
    redirect(`/admin/outbox?retried=${result.id}`);
  },
});
