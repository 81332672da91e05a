"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TDepartmentFormState } from "@/components/admin/department-form";
import { ZPostedDepartment } from "@/server/departments/department-input";
import { isUuid } from "@/server/departments/find-department";
import { retireDepartment } from "@/server/departments/retire-department";
import { saveDepartment } from "@/server/departments/save-department";
import { defineAction } from "@/server/http/define-action";
import { setDepartmentTwoFactor } from "@/server/two-factor/set-department-two-factor";

// A malformed id is a forged post (the page binds a real one): refused as input, not looked up.
const ZDepartmentId = z.string().refine(isUuid);

/** The department's own page, or the list when the id is not one (never a posted text in an address). */
function departmentPage(departmentId: string, outcome: Record<string, string>) {
  const query = new URLSearchParams(outcome).toString();
  // The id as the database writes it: an id posted in capitals names the same department, and its page has one address.
  return isUuid(departmentId) ? `/admin/departments/${departmentId.toLowerCase()}?${query}` : `/admin/departments?${query}`;
}

/** Changes the department's names, code or contact; a refusal comes back with what was typed. */
export const editDepartmentAction = defineAction({
  route: "/admin/departments/[id]",
  name: "editDepartmentAction",
  bound: ["departmentId"],
  state: true,
  input: ZPostedDepartment.extend({ departmentId: ZDepartmentId }),
  async run({ actor, db, input: { departmentId, ...values } }): Promise<TDepartmentFormState> {
    const result = await saveDepartment({ db, actor, departmentId, input: values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
    revalidatePath("/admin/departments");
    redirect(departmentPage(departmentId, { saved: "edited" }));
  },
});

/** The retire button: a plain form post that comes back to the department with what happened. */
export const retireDepartmentAction = defineAction({
  route: "/admin/departments/[id]",
  name: "retireDepartmentAction",
  bound: ["departmentId"],
  input: z.object({ departmentId: ZDepartmentId }),
  back: "/admin/departments",
  async run({ actor, db, input: { departmentId } }) {
    const result = await retireDepartment({ db, actor, departmentId });
    if (!result.ok) redirect(departmentPage(departmentId, { error: result.code }));
    revalidatePath("/admin/departments");
    redirect(departmentPage(departmentId, { saved: "retired" }));
  },
});

/** Requires a second factor of the department's clerks and counter staff, or stops requiring it: `required` 1 or 0. */
export const setDepartmentTwoFactorAction = defineAction({
  route: "/admin/departments/[id]",
  name: "setDepartmentTwoFactorAction",
  bound: ["departmentId"],
  input: z.object({ departmentId: ZDepartmentId, required: z.enum(["1", "0"]) }),
  back: "/admin/departments",
  async run({ actor, db, input: { departmentId, required } }) {
    const result = await setDepartmentTwoFactor({ db, actor, departmentId, required: required === "1" });
    if (!result.ok) redirect(departmentPage(departmentId, { error: result.code }));
    revalidatePath("/admin/departments");
    redirect(departmentPage(departmentId, { saved: required === "1" ? "two-factor-on" : "two-factor-off" }));
  },
});
