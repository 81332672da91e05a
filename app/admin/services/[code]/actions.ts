"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TServiceDecisionsFormState } from "@/components/admin/service-decisions-form";
import type { TServiceFormState } from "@/components/admin/service-guide-form";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { defineAction } from "@/server/http/define-action";
import { discardServiceDraft } from "@/server/services/discard-service-draft";
import { publishServiceDraft } from "@/server/services/publish-service-draft";
import { saveServiceDecisionsDraft } from "@/server/services/save-service-decisions-draft";
import { saveServiceDraft } from "@/server/services/save-service-draft";
import { ZServicePost } from "@/server/services/service-input";
import { setServiceRetired } from "@/server/services/set-service-retired";

// Bound by the page, but a forged call can send anything: only a catalog code reaches a query or an address.
const ZServiceCode = z.string().regex(catalogCodePattern);

function servicePage(code: string, outcome: Record<string, string>) {
  return `/admin/services/${code}?${new URLSearchParams(outcome).toString()}`;
}

/** Every page that shows a service's guide or state. */
function revalidateService(code: string) {
  revalidatePath("/admin/services");
  revalidatePath(`/admin/services/${code}`);
  revalidatePath(`/services/${code}`);
  revalidatePath("/services");
}

/** Saves the guide as the draft of the next version; a refusal comes back with what was typed. */
export const saveServiceDraftAction = defineAction({
  route: "/admin/services/[code]",
  name: "saveServiceDraftAction",
  bound: ["serviceCode"],
  state: true,
  // The guide's fields are many and named by row (material-<n>-…): the bound code apart, the post is one record.
  input: z.looseObject({ serviceCode: ZServiceCode }).transform(({ serviceCode, ...post }) => ({ serviceCode, post })).pipe(z.object({ serviceCode: z.string(), post: ZServicePost })),
  async run({ actor, db, input: { serviceCode, post: values } }): Promise<TServiceFormState> {
    const result = await saveServiceDraft({ db, actor, code: serviceCode, input: values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
    revalidateService(serviceCode);
    redirect(servicePage(serviceCode, { saved: "draft" }));
  },
});

/** Saves the decision settings into the draft of the next version; a refusal comes back with what was typed. */
export const saveServiceDecisionsAction = defineAction({
  route: "/admin/services/[code]",
  name: "saveServiceDecisionsAction",
  bound: ["serviceCode"],
  state: true,
  input: z.looseObject({ serviceCode: ZServiceCode }).transform(({ serviceCode, ...post }) => ({ serviceCode, post })).pipe(z.object({ serviceCode: z.string(), post: ZServicePost })),
  async run({ actor, db, input: { serviceCode, post: values } }): Promise<TServiceDecisionsFormState> {
    const result = await saveServiceDecisionsDraft({ db, actor, code: serviceCode, input: values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, details: "fields" in result ? result.details : undefined, values };
    revalidateService(serviceCode);
    redirect(`${servicePage(serviceCode, { saved: "draft" })}`);
  },
});

/** The publish button: the draft becomes the guide, kept as the next version. */
export const publishServiceDraftAction = defineAction({
  route: "/admin/services/[code]",
  name: "publishServiceDraftAction",
  bound: ["serviceCode"],
  input: z.object({ serviceCode: ZServiceCode }),
  back: "/admin/services",
  async run({ actor, db, input: { serviceCode } }) {
    const result = await publishServiceDraft({ db, actor, code: serviceCode });
    if (!result.ok) redirect(servicePage(serviceCode, { error: result.code }));
    revalidateService(serviceCode);
    redirect(servicePage(serviceCode, { saved: "published", version: String(result.version) }));
  },
});

/** The discard button: the draft is thrown away, the published guide stays. */
export const discardServiceDraftAction = defineAction({
  route: "/admin/services/[code]",
  name: "discardServiceDraftAction",
  bound: ["serviceCode"],
  input: z.object({ serviceCode: ZServiceCode }),
  back: "/admin/services",
  async run({ actor, db, input: { serviceCode } }) {
    const result = await discardServiceDraft({ db, actor, code: serviceCode });
    if (!result.ok) redirect(servicePage(serviceCode, { error: result.code }));
    revalidateService(serviceCode);
    redirect(servicePage(serviceCode, { saved: "discarded" }));
  },
});

/** Retire (retired=1) or bring back (retired=0): a plain form post that comes back with what happened. */
export const setServiceRetiredAction = defineAction({
  route: "/admin/services/[code]",
  name: "setServiceRetiredAction",
  bound: ["serviceCode"],
  input: z.object({ serviceCode: ZServiceCode, retired: z.enum(["1", "0"]) }),
  back: "/admin/services",
  async run({ actor, db, input: { serviceCode, retired } }) {
    const result = await setServiceRetired({ db, actor, code: serviceCode, retired: retired === "1" });
    if (!result.ok) redirect(servicePage(serviceCode, { error: result.code }));
    revalidateService(serviceCode);
    redirect(servicePage(serviceCode, { saved: retired === "1" ? "retired" : "restored" }));
  },
});
