"use client";

import { useTranslations } from "next-intl";
import { choiceInputClass, choiceLabelClass, choiceRowClass } from "@/components/forms/fields/common";
import { describedBy, FieldsetShell, FieldShell, inputClass } from "@/components/forms/text-input";
import type { TStaffRole } from "@/db/schema";

export type TDepartmentOption = { id: string; label: string };

/** A staff account's role (radios) and department (a list of the departments that take staff). Needs `adminPeople`. */
export function RoleFields({
  prefix,
  roles,
  role,
  departmentId,
  departments,
  errors,
  errorPrefix,
}: {
  prefix: string;
  /** The staff roles (db/schema's staffRoles), passed by the page: the schema module stays out of the browser. */
  roles: readonly TStaffRole[];
  role: string;
  departmentId: string;
  departments: TDepartmentOption[];
  errors: { role?: string; departmentId?: string };
  errorPrefix: string;
}) {
  const t = useTranslations("adminPeople");
  return (
    <>
      <FieldsetShell id={`${prefix}-role`} label={t("fields.role")} error={errors.role} errorPrefix={errorPrefix}>
        {roles.map((option, index) => {
          const id = index === 0 ? `${prefix}-role` : `${prefix}-role-${index}`;
          return (
            <div key={option} className={choiceRowClass}>
              <input id={id} type="radio" name="role" value={option} defaultChecked={role === option} aria-describedby={`${id}-hint`} className={choiceInputClass} />
              <label htmlFor={id} className={choiceLabelClass}>
                {t(`roles.${option}`)}
                <span id={`${id}-hint`} className="block text-muted">
                  {t(`roleHints.${option}`)}
                </span>
              </label>
            </div>
          );
        })}
      </FieldsetShell>
      <FieldShell id={`${prefix}-departmentId`} label={t("fields.departmentId")} hint={t("departmentHint")} error={errors.departmentId} errorPrefix={errorPrefix}>
        <select
          id={`${prefix}-departmentId`}
          name="departmentId"
          defaultValue={departmentId}
          aria-describedby={describedBy(`${prefix}-departmentId`, true, errors.departmentId)}
          aria-invalid={errors.departmentId ? true : undefined}
          className={inputClass(errors.departmentId, { width: "max-w-md" })}
        >
          <option value="">{t("noDepartment")}</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.label}
            </option>
          ))}
        </select>
      </FieldShell>
    </>
  );
}
