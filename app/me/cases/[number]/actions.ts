"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TRatingFormState } from "@/components/ratings/rating-form";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import { defineAction, withError } from "@/server/http/define-action";
import { rateCase } from "@/server/ratings/rate-case";
import { withdrawCase } from "@/server/workflow/withdraw-case";

// Bound by the page or its hidden field, but a forged call can send anything, and only a case number belongs in an address.
const ZCaseNumber = z.string().regex(caseNumberPattern);
// Text as posted (a missing field reads as empty): what a reason or a rating may be is the use case's to decide.
const ZText = z.string().catch("");

/** Withdraw what is not yet decided; the answer (or why not) comes back on the tracker. */
export const withdrawCaseAction = defineAction({
  route: "/me/cases/[number]",
  name: "withdrawCaseAction",
  bound: ["caseNumber"],
  input: z.object({ caseNumber: ZCaseNumber, reason: ZText }),
  back: "/me",
  async run({ actor, db, input: { caseNumber, reason } }) {
    const tracker = `/me/cases/${caseNumber}`;
    const result = await withdrawCase({ db, actor, caseNumber, reason });
    revalidatePath(tracker);
    redirect(result.ok ? `${tracker}?withdrawn=1` : withError(tracker, result.code));
  },
});

/**
 * The tracker's rating form. A problem with an answer comes back to the form with what was posted; a refusal about
 * the case itself (rated meanwhile, not concluded) goes back to the tracker, which shows the case as it now is.
 */
export const rateCaseAction = defineAction({
  route: "/me/cases/[number]",
  name: "rateCaseAction",
  state: true,
  input: z.object({ caseNumber: ZCaseNumber, overall: ZText, efficiency: ZText, guideAccuracy: ZText, convenience: ZText, comment: ZText }),
  async run({ actor, db, input: { caseNumber, ...values } }): Promise<TRatingFormState> {
    const tracker = `/me/cases/${caseNumber}`;
    const result = await rateCase({ db, actor, caseNumber, ...values });
    if (!result.ok && "fields" in result) return { fields: result.fields, values };
    revalidatePath(tracker);
    redirect(result.ok ? `${tracker}?rated=1#rating` : withError(tracker, result.code));
  },
});
