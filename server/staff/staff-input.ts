/**
 * What an admin may write into a staff account, checked at the use cases' boundary, each refusal on its field.
 *
 * A clerk works one department's queue, so names one; a supervisor may watch one department or (none) all of them;
 * a counter clerk and an admin work for no department.
 */
import { z } from "zod";
import { staffRoles, type TStaffRole } from "@/db/schema";
import { ZPlainText } from "@/lib/text/plain-text";
import { isErrorCode, type TErrorCode } from "@/server/errors";

/** User names as the seed's: lower case letters, digits, "-", "." and "_", starting with a letter ("clerk-fire"). */
const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
export const DISPLAY_NAME_MAX = 40;

export const ZStaffRole = z.enum(staffRoles, { error: "invalid:staff-role" });
export const ZDepartmentChoice = z
  .unknown()
  .transform((value) => (typeof value === "string" ? value.trim() : ""))
  .refine((value) => value === "" || /^[0-9a-f-]{36}$/i.test(value), { error: "invalid:department-required" })
  .transform((value) => (value === "" ? null : value));

const ZGrant = z.object({ role: ZStaffRole, departmentId: ZDepartmentChoice });
const ZNewAccount = ZGrant.extend({
  username: z
    .unknown()
    .transform((value) => (typeof value === "string" ? value.trim().toLowerCase() : ""))
    .refine((username) => USERNAME.test(username), { error: "invalid:username" }),
  displayName: ZPlainText({ max: DISPLAY_NAME_MAX, required: "invalid:display-name-required", tooLong: "invalid:display-name-too-long" }),
});

export const accountFields = ["username", "displayName", "role", "departmentId"] as const;
export type TAccountField = (typeof accountFields)[number];
export type TAccountInput = Record<TAccountField, string>;
export type TAccountRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TAccountField, TErrorCode>> };
export type TGrant = { role: TStaffRole; departmentId: string | null };

function refusalOf(error: z.ZodError): TAccountRefusal {
  const fields: Partial<Record<TAccountField, TErrorCode>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as TAccountField;
    fields[field] ??= isErrorCode(issue.message) ? issue.message : "invalid:input";
  }
  const first = accountFields.find((field) => fields[field]);
  return { ok: false, code: first ? fields[first]! : "invalid:input", fields };
}

/** The role's rule for a department, before the department itself is looked up. */
function grantRefusal(grant: TGrant): TAccountRefusal | null {
  if (grant.role === "clerk" && !grant.departmentId) return { ok: false, code: "invalid:department-required", fields: { departmentId: "invalid:department-required" } };
  if ((grant.role === "counter" || grant.role === "admin") && grant.departmentId) {
    return { ok: false, code: "invalid:department-not-allowed", fields: { departmentId: "invalid:department-not-allowed" } };
  }
  return null;
}

export function readNewAccountInput(input: Partial<TAccountInput>) {
  const parsed = ZNewAccount.safeParse(input);
  if (!parsed.success) return refusalOf(parsed.error);
  return grantRefusal(parsed.data) ?? { ok: true as const, account: parsed.data };
}

export function readGrantInput(input: Partial<Pick<TAccountInput, "role" | "departmentId">>) {
  const parsed = ZGrant.safeParse(input);
  if (!parsed.success) return refusalOf(parsed.error);
  return grantRefusal(parsed.data) ?? { ok: true as const, grant: parsed.data };
}
