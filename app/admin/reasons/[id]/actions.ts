"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TReasonTemplateFormState } from "@/components/admin/reason-template-form";
import { defineAction } from "@/server/http/define-action";
import { editReasonTemplate } from "@/server/reasons/edit-reason-template";
import { ZPostedReasonTemplate } from "@/server/reasons/reason-template-input";

/** Changes a template's words; a refusal comes back with what was typed, and success goes back to its service. */
export const editReasonTemplateAction = defineAction({
  route: "/admin/reasons/[id]",
  name: "editReasonTemplateAction",
  bound: ["templateId"],
  state: true,
  input: ZPostedReasonTemplate.extend({ templateId: z.uuid() }),
  async run({ actor, db, input: { templateId, ...values } }): Promise<TReasonTemplateFormState> {
    const result = await editReasonTemplate({ db, actor, templateId, input: values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
    revalidatePath("/admin/reasons");
    redirect(`/admin/reasons?${new URLSearchParams({ service: result.serviceCode, saved: "edited" })}`);
  },
});
