"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { TDepartmentFormState } from "@/components/admin/department-form";
import { ZPostedDepartment } from "@/server/departments/department-input";
import { saveDepartment } from "@/server/departments/save-department";
import { defineAction } from "@/server/http/define-action";

/** Adds a department, then opens it; a refusal comes back with what was typed. */
export const createDepartmentAction = defineAction({
  route: "/admin/departments",
  name: "createDepartmentAction",
  state: true,
  input: ZPostedDepartment,
  async run({ actor, db, input }): Promise<TDepartmentFormState> {
    const result = await saveDepartment({ db, actor, input });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values: input };
    revalidatePath("/admin/departments");
    redirect(`/admin/departments/${result.departmentId}?saved=created`);
  },
});
