"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { TBundleFormState } from "@/components/admin/bundle-form";
import { ZPostedBundle } from "@/server/bundles/bundle-input";
import { createBundle } from "@/server/bundles/create-bundle";
import { defineAction } from "@/server/http/define-action";

/** Adds a bundle, then opens it to add its services; a refusal comes back with what was typed. */
export const createBundleAction = defineAction({
  route: "/admin/bundles",
  name: "createBundleAction",
  state: true,
  input: ZPostedBundle,
  async run({ actor, db, input }): Promise<TBundleFormState> {
    const result = await createBundle({ db, actor, input });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values: input };
    revalidatePath("/admin/bundles");
    redirect(`/admin/bundles/${result.code}?saved=created`);
  },
});
