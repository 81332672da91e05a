"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TUrgingAnswerState } from "@/components/urgings/urging-answer-form";
import { readCurrentTime } from "@/server/clock";
import { defineAction } from "@/server/http/define-action";
import { answerUrging } from "@/server/urgings/answer-urging";

// The answer as posted (a missing one reads as empty): what an answer may be is the use case's to decide.
const ZPosted = z.object({ urgingId: z.uuid(), answer: z.string().catch("") });

/** The department's answer to an urging notice; a refusal comes back with what was typed. */
export const answerUrgingAction = defineAction({
  route: "/desk/urgings/[id]",
  name: "answerUrgingAction",
  state: true,
  input: ZPosted,
  async run({ actor, db, input: { urgingId, answer } }): Promise<TUrgingAnswerState> {
    // The test clock (server/clock.ts), so a journey can answer after the deadline without waiting for it.
    const { now } = await readCurrentTime();
    const result = await answerUrging({ db, actor, urgingId, answer, now });
    if (!result.ok) return { error: result.code, answer };
    revalidatePath("/desk");
    redirect(`/desk/urgings/${result.urgingId}?done=1`);
  },
});
