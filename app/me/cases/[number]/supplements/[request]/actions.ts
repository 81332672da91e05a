"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TSupplementAnswerState } from "@/components/supplements/supplement-answer-form";
import { readFormData } from "@/lib/forms/read-form-data";
import { readUploads } from "@/lib/forms/read-uploads";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TErrorCode } from "@/server/errors";
import { defineAction } from "@/server/http/define-action";
import { answerSupplement } from "@/server/supplements/answer-supplement";

function parseIntent(value: unknown): { kind: "send" } | { kind: "remove-file"; field: string; fileId: string } {
  if (typeof value === "string") {
    const [verb, field, fileId] = value.split(":");
    if (verb === "remove-file" && field && fileId) return { kind: "remove-file", field, fileId };
  }
  return { kind: "send" };
}

/** The applicant's answer to a 补正 request, through the form engine: "send", or remove one uploaded file and stay. */
export const answerSupplementAction = defineAction({
  route: "/me/cases/[number]/supplements/[request]",
  name: "answerSupplementAction",
  // Both are bound by the page; a forged call's values must not reach a query or an address.
  bound: ["caseNumber", "requestId"],
  state: true,
  input: z.object({ caseNumber: z.string().regex(caseNumberPattern), requestId: z.uuid() }),
  invalid: (code: TErrorCode): TSupplementAnswerState => ({ formError: code }),
  async run({ actor, db, input: { caseNumber, requestId }, formData }): Promise<TSupplementAnswerState> {
    const result = await answerSupplement({
      db,
      actor,
      requestId,
      posted: readFormData(formData.entries(), { ignore: (name) => name === "intent" }),
      uploads: readUploads(formData),
      intent: parseIntent(formData.get("intent")),
    });
    if (!result.ok) return { formError: result.code };
    const page = `/me/cases/${caseNumber}/supplements/${requestId}`;
    if (!result.sent) {
      // Re-render from the kept answer (new uploads included) with the errors.
      revalidatePath(page);
      return { fieldErrors: result.errors };
    }
    revalidatePath(`/me/cases/${caseNumber}`);
    redirect(`/me/cases/${caseNumber}?supplied=1`);
  },
});
