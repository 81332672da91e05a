"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TUrgingFormState } from "@/components/urgings/urging-form";
import { readCurrentTime } from "@/server/clock";
import { defineAction } from "@/server/http/define-action";
import { sendUrging } from "@/server/urgings/send-urging";
import { urgingSubjectKinds } from "@/server/urgings/urging-subject";

// Message and deadline as posted (missing ones read as empty): what they may be is the use case's to decide.
const ZPosted = z.object({ kind: z.enum(urgingSubjectKinds), subjectId: z.uuid(), message: z.string().catch(""), deadline: z.string().max(32).catch("") });

/** A supervisor's urging notice to a department; a refusal comes back with what was typed. */
export const sendUrgingAction = defineAction({
  route: "/supervise/urgings/new",
  name: "sendUrgingAction",
  state: true,
  input: ZPosted,
  async run({ actor, db, input: { kind, subjectId, message, deadline } }): Promise<TUrgingFormState> {
    // "Today" of the deadline check and the time sent: the test clock's on a journey's server (server/clock.ts).
    const { now } = await readCurrentTime();
    const result = await sendUrging({ db, actor, subject: { kind, id: subjectId }, message, deadline, now });
    if (!result.ok) return { error: result.code, message, deadline };
    revalidatePath("/supervise");
    redirect(`/supervise/urgings?sent=1#urging-${result.urgingId}`);
  },
});
