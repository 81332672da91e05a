"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TResetPasswordState } from "@/components/admin/reset-password-form";
import type { TStaffGrantFormState } from "@/components/admin/staff-grant-form";
import { isUuid } from "@/server/departments/find-department";
import { defineAction } from "@/server/http/define-action";
import { changeStaffGrant } from "@/server/staff/change-staff-grant";
import { resetStaffPassword } from "@/server/staff/reset-staff-password";
import { setAccountDisabled } from "@/server/staff/set-account-disabled";
import { resetTwoFactor } from "@/server/two-factor/reset-two-factor";

// A malformed id is a forged post (the page binds a real one): refused as input, not looked up.
const ZUserId = z.string().refine(isUuid);
const ZText = z.string().max(2000).catch("");

function accountPage(userId: string, outcome: Record<string, string>) {
  const query = new URLSearchParams(outcome).toString();
  return isUuid(userId) ? `/admin/people/${userId}?${query}` : `/admin/people?${query}`;
}

/** Changes the role or department (the person's sessions end); a refusal comes back with what was chosen. */
export const changeStaffGrantAction = defineAction({
  route: "/admin/people/[id]",
  name: "changeStaffGrantAction",
  bound: ["userId"],
  state: true,
  input: z.object({ userId: ZUserId, role: ZText, departmentId: ZText }),
  async run({ actor, db, input: { userId, role, departmentId } }): Promise<TStaffGrantFormState> {
    const result = await changeStaffGrant({ db, actor, userId, input: { role, departmentId } });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values: { role, departmentId } };
    revalidatePath("/admin/people");
    redirect(accountPage(userId, { saved: result.changed ? "grant" : "unchanged" }));
  },
});

/** Disables the account or enables it again: a plain form post with `disabled` 1 or 0. */
export const setAccountDisabledAction = defineAction({
  route: "/admin/people/[id]",
  name: "setAccountDisabledAction",
  bound: ["userId"],
  input: z.object({ userId: ZUserId, disabled: z.enum(["1", "0"]) }),
  back: "/admin/people",
  async run({ actor, db, input: { userId, disabled } }) {
    const result = await setAccountDisabled({ db, actor, userId, disabled: disabled === "1" });
    if (!result.ok) redirect(accountPage(userId, { error: result.code }));
    revalidatePath("/admin/people");
    redirect(accountPage(userId, { saved: disabled === "1" ? "disabled" : "enabled" }));
  },
});

/** Resets the password and answers with the new one-time password, shown to the admin this once. */
export const resetStaffPasswordAction = defineAction({
  route: "/admin/people/[id]",
  name: "resetStaffPasswordAction",
  bound: ["userId"],
  state: true,
  input: z.object({ userId: ZUserId }),
  async run({ actor, db, input: { userId } }): Promise<TResetPasswordState> {
    const result = await resetStaffPassword({ db, actor, userId });
    if (!result.ok) return { error: result.code };
    revalidatePath("/admin/people");
    return { reset: { username: result.username, oneTimePassword: result.oneTimePassword } };
  },
});

/** Resets the second factor (a lost phone): the person's sessions end and they set it up again after signing in. */
export const resetTwoFactorAction = defineAction({
  route: "/admin/people/[id]",
  name: "resetTwoFactorAction",
  bound: ["userId"],
  input: z.object({ userId: ZUserId }),
  back: "/admin/people",
  async run({ actor, db, input: { userId } }) {
    const result = await resetTwoFactor({ db, actor, userId });
    if (!result.ok) redirect(accountPage(userId, { error: result.code }));
    redirect(accountPage(userId, { saved: "two-factor-reset" }));
  },
});
