"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TStaffRole } from "@/db/schema";
import type { TErrorCode } from "@/server/errors";
import type { TAccountField } from "@/server/staff/staff-input";
import { errorSummaryOf } from "./admin-text-field";
import { RoleFields, type TDepartmentOption } from "./role-fields";

export type TStaffGrantFormState = { error?: TErrorCode; fields?: Partial<Record<TAccountField, TErrorCode>>; values?: { role?: string; departmentId?: string } };

/** Change a staff account's role or department. Needs `adminPeople`, `errors`. */
export function StaffGrantForm({
  roles,
  departments,
  initial,
  action: change,
}: {
  roles: readonly TStaffRole[];
  departments: TDepartmentOption[];
  initial: { role: string; departmentId: string };
  action: (state: TStaffGrantFormState, formData: FormData) => Promise<TStaffGrantFormState>;
}) {
  const t = useTranslations("adminPeople");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TStaffGrantFormState, FormData>(change, {});
  const values = { ...initial, ...state.values };
  const errors: Partial<Record<TAccountField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(["role", "departmentId"] as const, errors, "grant");
  if (state.error && summary.length === 0) summary.push({ href: "#grant-role", text: te(state.error) });
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary id="grant-error-title" title={t("errorTitle")} errors={summary} />
      <RoleFields prefix="grant" roles={roles} role={values.role ?? ""} departmentId={values.departmentId ?? ""} departments={departments} errors={errors} errorPrefix={t("errorPrefix")} />
      <p className="mb-4 text-muted">{t("grantHint")}</p>
      <Button disabled={pending}>{t("saveGrant")}</Button>
    </form>
  );
}
