"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";
import { replyToFollowUp } from "@/server/ratings/reply-to-follow-up";

export type TFollowUpReplyState = { error?: TErrorCode; reply?: string };

const ZText = z.string().catch("");
const ZPosted = z.object({ followUpId: ZText, reply: ZText });

/** The clerk's reply to a bad rating; a refusal comes back with what was typed. */
export async function replyToFollowUpAction(_state: TFollowUpReplyState, formData: FormData): Promise<TFollowUpReplyState> {
  formData = actionForm(formData);
  const { followUpId, reply } = ZPosted.parse(Object.fromEntries(formData));
  const actor = await actorForAction("/desk/follow-ups/[id]", "replyToFollowUpAction");
  if (!actor) return { error: "unauthorized:session", reply };
  const result = await replyToFollowUp({ db: getDb(), actor, followUpId, reply });
  if (!result.ok) return { error: result.code, reply };
  revalidatePath("/desk/follow-ups");
  redirect(`/desk/follow-ups/${followUpId}?done=1`);
}
