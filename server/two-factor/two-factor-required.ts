/**
 * Who must sign in with a second factor: admins and supervisors always (they change what everyone else may do, and
 * see every department); clerks and counter staff when their department requires it (the admin's switch on
 * /admin/departments); applicants never (they come through the unified identity provider, which has its own).
 */
import type { TRole } from "@/db/schema";

export function twoFactorRequiredFor({ role, departmentRequires }: { role: TRole; departmentRequires: boolean }): boolean {
  if (role === "admin" || role === "supervisor") return true;
  if (role === "clerk" || role === "counter") return departmentRequires;
  return false;
}

/** Staff may turn it on for themselves; applicants have no use for it here. */
export function mayUseTwoFactor(role: TRole): boolean {
  return role === "admin" || role === "supervisor" || role === "clerk" || role === "counter";
}
