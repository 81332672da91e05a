"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { TServiceFormState } from "@/components/admin/service-guide-form";
import { defineAction } from "@/server/http/define-action";
import { createService } from "@/server/services/create-service";
import { ZServicePost } from "@/server/services/service-input";

/** Adds a service, then opens its page to write the guide; a refusal comes back with what was typed. */
export const createServiceAction = defineAction({
  route: "/admin/services/new",
  name: "createServiceAction",
  state: true,
  input: ZServicePost,
  async run({ actor, db, input }): Promise<TServiceFormState> {
    const result = await createService({ db, actor, input });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values: input };
    revalidatePath("/admin/services");
    redirect(`/admin/services/${result.code}?saved=created`);
  },
});
