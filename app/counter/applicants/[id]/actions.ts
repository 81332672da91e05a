"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { startCounterDraft } from "@/server/counter/start-counter-draft";
import { defineAction } from "@/server/http/define-action";

/** Starts an application for the applicant on this page: the wizard's own draft, filed for them. */
export const startCounterDraftAction = defineAction({
  route: "/counter/applicants/[id]",
  name: "startCounterDraftAction",
  bound: ["applicantId"],
  input: z.object({ applicantId: z.uuid(), subjectCode: z.string().regex(/^[A-Z0-9-]{2,64}$/) }),
  back: "/counter",
  async run({ actor, db, input: { applicantId, subjectCode } }) {
    const result = await startCounterDraft({ db, actor, applicantId, subjectCode });
    if (!result.ok) redirect(result.code === "not-found:applicant" ? `/counter?error=${result.code}` : `/counter/applicants/${applicantId}?error=${encodeURIComponent(result.code)}`);
    redirect(`/apply/${result.subjectCode}/${result.draftId}/${result.firstPageKey}`);
  },
});
