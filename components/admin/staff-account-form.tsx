"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TStaffRole } from "@/db/schema";
import type { TErrorCode } from "@/server/errors";
import type { TAccountField, TAccountInput } from "@/server/staff/staff-input";
import { AdminTextField, errorSummaryOf } from "./admin-text-field";
import { OneTimePasswordPanel } from "./one-time-password-panel";
import { RoleFields, type TDepartmentOption } from "./role-fields";

export type TStaffAccountFormState = {
  error?: TErrorCode;
  fields?: Partial<Record<TAccountField, TErrorCode>>;
  values?: Partial<TAccountInput>;
  /** The account just created and its one-time password, shown this once. */
  created?: { userId: string; username: string; oneTimePassword: string };
};

const order: TAccountField[] = ["username", "displayName", "role", "departmentId"];

/** Create a staff account; on success the one-time password is shown once, in place of the form. Needs `adminPeople`, `errors`. */
export function StaffAccountForm({
  roles,
  departments,
  action: create,
}: {
  roles: readonly TStaffRole[];
  departments: TDepartmentOption[];
  action: (state: TStaffAccountFormState, formData: FormData) => Promise<TStaffAccountFormState>;
}) {
  const t = useTranslations("adminPeople");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TStaffAccountFormState, FormData>(create, {});
  if (state.created) {
    return (
      <>
        <OneTimePasswordPanel title={t("createdTitle", { username: state.created.username })} username={state.created.username} password={state.created.oneTimePassword} />
        <p className="mb-10 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={`/admin/people/${state.created.userId}`}>{t("openAccount", { username: state.created.username })}</Link>
          <a href="/admin/people#new-account-title">{t("createAnother")}</a>
        </p>
      </>
    );
  }
  const values = state.values ?? {};
  const errors: Partial<Record<TAccountField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(order, errors, "account");
  if (state.error && summary.length === 0) summary.push({ href: "#account-username", text: te(state.error) });
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <AdminTextField id="account-username" name="username" label={t("fields.username")} hint={t("usernameHint")} error={errors.username} errorPrefix={t("errorPrefix")} defaultValue={values.username ?? ""} width="max-w-[20em]" lang="en" />
      <AdminTextField id="account-displayName" name="displayName" label={t("fields.displayName")} error={errors.displayName} errorPrefix={t("errorPrefix")} defaultValue={values.displayName ?? ""} width="max-w-[20em]" />
      <RoleFields prefix="account" roles={roles} role={values.role ?? ""} departmentId={values.departmentId ?? ""} departments={departments} errors={errors} errorPrefix={t("errorPrefix")} />
      <Button disabled={pending}>{t("create")}</Button>
    </form>
  );
}
