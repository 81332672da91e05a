"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TErrorCode } from "@/server/errors";
import type { TRatingField } from "@/server/ratings/rating-input";
import { rateCase } from "@/server/ratings/rate-case";
import { withdrawCase } from "@/server/workflow/withdraw-case";

/** Withdraw what is not yet decided; the answer (or why not) comes back on the tracker. */
export async function withdrawCaseAction(caseNumber: string, formData: FormData): Promise<void> {
  formData = actionForm(formData);
  // Bound by the page, but a forged call can send anything, and only a case number belongs in the address.
  if (typeof caseNumber !== "string" || !caseNumberPattern.test(caseNumber)) redirect("/me");
  const actor = await actorForAction("/me/cases/[number]", "withdrawCaseAction");
  const tracker = `/me/cases/${caseNumber}`;
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(tracker)}`);
  const result = await withdrawCase({ db: getDb(), actor, caseNumber, reason: String(formData.get("reason") ?? "") });
  revalidatePath(tracker);
  redirect(result.ok ? `${tracker}?withdrawn=1` : `${tracker}?error=${encodeURIComponent(result.code)}`);
}

export type TRatingValues = Record<TRatingField, string>;
export type TRatingFormState = {
  /** Each question's problem, shown next to it and in the error summary. */
  fields?: Partial<Record<TRatingField, TErrorCode>>;
  /** A refusal about no question (the session ended). */
  error?: TErrorCode;
  /** What was posted, shown again. */
  values?: TRatingValues;
};

// Only the shape here (a missing field reads as empty): what a rating may be is the use case's to decide.
const ZText = z.string().catch("");
const ZPosted = z.object({ caseNumber: ZText, overall: ZText, efficiency: ZText, guideAccuracy: ZText, convenience: ZText, comment: ZText });

/**
 * The tracker's rating form. A problem with an answer comes back to the form with what was posted; a refusal about
 * the case itself (rated meanwhile, not concluded) goes back to the tracker, which shows the case as it now is.
 */
export async function rateCaseAction(_state: TRatingFormState, formData: FormData): Promise<TRatingFormState> {
  formData = actionForm(formData);
  const { caseNumber, ...values } = ZPosted.parse(Object.fromEntries(formData));
  if (!caseNumberPattern.test(caseNumber)) redirect("/me");
  const tracker = `/me/cases/${caseNumber}`;
  const actor = await actorForAction("/me/cases/[number]", "rateCaseAction");
  if (!actor) return { error: "unauthorized:session", values };
  const result = await rateCase({ db: getDb(), actor, caseNumber, ...values });
  if (!result.ok && "fields" in result) return { fields: result.fields, values };
  revalidatePath(tracker);
  redirect(result.ok ? `${tracker}?rated=1#rating` : `${tracker}?error=${encodeURIComponent(result.code)}`);
}
