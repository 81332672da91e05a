"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { readFormData } from "@/lib/forms/read-form-data";
import { readUploads } from "@/lib/forms/read-uploads";
import type { TSupplementAnswerState } from "@/components/supplements/supplement-answer-form";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import { actorForAction } from "@/server/auth/require-actor";
import { answerSupplement } from "@/server/supplements/answer-supplement";

function parseIntent(value: unknown): { kind: "send" } | { kind: "remove-file"; field: string; fileId: string } {
  if (typeof value === "string") {
    const [verb, field, fileId] = value.split(":");
    if (verb === "remove-file" && field && fileId) return { kind: "remove-file", field, fileId };
  }
  return { kind: "send" };
}

export async function answerSupplementAction(caseNumber: string, requestId: string, _state: TSupplementAnswerState, formData: FormData): Promise<TSupplementAnswerState> {
  formData = actionForm(formData);
  const actor = await actorForAction("/me/cases/[number]/supplements/[request]", "answerSupplementAction");
  if (!actor) return { formError: "unauthorized:session" };
  // Both are bound by the page; a forged call's values must not reach a query or an address.
  if (!z.uuid().safeParse(requestId).success || typeof caseNumber !== "string" || !caseNumberPattern.test(caseNumber)) return { formError: "not-found:supplement" };
  const result = await answerSupplement({
    db: getDb(),
    actor,
    requestId,
    posted: readFormData(formData.entries(), { ignore: (name) => name === "intent" }),
    uploads: readUploads(formData),
    intent: parseIntent(formData.get("intent")),
  });
  if (!result.ok) return { formError: result.code };
  const page = `/me/cases/${encodeURIComponent(caseNumber)}/supplements/${requestId}`;
  if (!result.sent) {
    // Re-render from the kept answer (new uploads included) with the errors.
    revalidatePath(page);
    return { fieldErrors: result.errors };
  }
  revalidatePath(`/me/cases/${encodeURIComponent(caseNumber)}`);
  redirect(`/me/cases/${encodeURIComponent(caseNumber)}?supplied=1`);
}
