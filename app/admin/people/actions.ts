"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { TStaffAccountFormState } from "@/components/admin/staff-account-form";
import { defineAction } from "@/server/http/define-action";
import { createStaffAccount } from "@/server/staff/create-staff-account";

const ZText = z.string().max(2000).catch("");
const ZPosted = z.object({ username: ZText, displayName: ZText, role: ZText, departmentId: ZText });

/**
 * Creates a staff account and answers with its one-time password, shown to the admin this once (in the form's
 * state, never in an address); a refusal comes back with what was typed.
 */
export const createStaffAccountAction = defineAction({
  route: "/admin/people",
  name: "createStaffAccountAction",
  state: true,
  input: ZPosted,
  async run({ actor, db, input }): Promise<TStaffAccountFormState> {
    const result = await createStaffAccount({ db, actor, input });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values: input };
    revalidatePath("/admin/people");
    return { created: { userId: result.userId, username: result.username, oneTimePassword: result.oneTimePassword } };
  },
});
