"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TFollowUpReplyState } from "@/components/ratings/follow-up-reply-form";
import { defineAction } from "@/server/http/define-action";
import { replyToFollowUp } from "@/server/ratings/reply-to-follow-up";

// The reply as posted (a missing one reads as empty): what a reply may be is the use case's to decide.
const ZPosted = z.object({ followUpId: z.uuid(), reply: z.string().catch("") });

/** The clerk's reply to a bad rating; a refusal comes back with what was typed. */
export const replyToFollowUpAction = defineAction({
  route: "/desk/follow-ups/[id]",
  name: "replyToFollowUpAction",
  state: true,
  input: ZPosted,
  async run({ actor, db, input: { followUpId, reply } }): Promise<TFollowUpReplyState> {
    const result = await replyToFollowUp({ db, actor, followUpId, reply });
    if (!result.ok) return { error: result.code, reply };
    revalidatePath("/desk/follow-ups");
    redirect(`/desk/follow-ups/${followUpId}?done=1`);
  },
});
