"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TReasonTemplateFormState } from "@/components/admin/reason-template-form";
import { reasonDecisions } from "@/db/schema";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { defineAction } from "@/server/http/define-action";
import { addReasonTemplate } from "@/server/reasons/add-reason-template";
import { moveDirections, moveReasonTemplate } from "@/server/reasons/move-reason-template";
import { ZPostedReasonTemplate } from "@/server/reasons/reason-template-input";
import { removeReasonTemplate } from "@/server/reasons/remove-reason-template";

/** A service's code as the catalog writes it (lib/catalog/catalog-code.ts); anything else is forged. */
const ZServiceCode = z.string().regex(catalogCodePattern);

/** The service's page of templates, scrolled to the decision's list, saying what happened. */
const servicePage = (serviceCode: string, saved: string, decision?: string) =>
  `/admin/reasons?${new URLSearchParams({ service: serviceCode, saved })}${decision ? `#reasons-${decision}` : ""}`;

/** Adds a template at the end of a service's list for one decision; a refusal comes back with what was typed. */
export const addReasonTemplateAction = defineAction({
  route: "/admin/reasons",
  name: "addReasonTemplateAction",
  state: true,
  input: ZPostedReasonTemplate.extend({ serviceCode: ZServiceCode, decision: z.enum(reasonDecisions) }),
  async run({ actor, db, input: { serviceCode, decision, ...values } }): Promise<TReasonTemplateFormState> {
    const result = await addReasonTemplate({ db, actor, serviceCode, decision, input: values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
    revalidatePath("/admin/reasons");
    redirect(servicePage(serviceCode, "added", decision));
  },
});

/** The up and down buttons beside a template: plain form posts that come back to the list. */
export const moveReasonTemplateAction = defineAction({
  route: "/admin/reasons",
  name: "moveReasonTemplateAction",
  input: z.object({ templateId: z.uuid(), direction: z.enum(moveDirections) }),
  back: "/admin/reasons",
  async run({ actor, db, input: { templateId, direction } }) {
    const result = await moveReasonTemplate({ db, actor, templateId, direction });
    if (!result.ok) redirect(`/admin/reasons?error=${result.code}`);
    revalidatePath("/admin/reasons");
    redirect(servicePage(result.serviceCode, "moved"));
  },
});

/** The remove button beside a template. */
export const removeReasonTemplateAction = defineAction({
  route: "/admin/reasons",
  name: "removeReasonTemplateAction",
  input: z.object({ templateId: z.uuid() }),
  back: "/admin/reasons",
  async run({ actor, db, input: { templateId } }) {
    const result = await removeReasonTemplate({ db, actor, templateId });
    if (!result.ok) redirect(`/admin/reasons?error=${result.code}`);
    revalidatePath("/admin/reasons");
    redirect(servicePage(result.serviceCode, "removed"));
  },
});
