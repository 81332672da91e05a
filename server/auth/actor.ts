/** The signed-in person a use case acts for, loaded fresh from the database on every request. */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companyMembers, departments, identityLinks, staffTwoFactor, users, type TRole } from "@/db/schema";
import { twoFactorRequiredFor } from "@/server/two-factor/two-factor-required";

export type TActor = {
  id: string;
  /** Null for a person who signs in only through the unified identity provider (server/auth/sign-in-with-identity.ts). */
  username: string | null;
  displayName: string;
  role: TRole;
  /** The department whose queue a clerk works; null for everyone else. */
  departmentId: string | null;
  /** Companies this person may act for (legal representative or agent). */
  companyIds: string[];
  /** The admin set this person's password (a new account, a reset): every page asks them to choose their own first. */
  mustChangePassword?: boolean;
  /** A second factor is required of this person and not yet set up: every page asks them to set it up first. */
  mustEnrolTwoFactor?: boolean;
};

/**
 * `sessionVersion`: the version a session was issued under (server/auth/session.ts passes the cookie's). A session
 * ends for good once users.session_version has moved past it: sign-out, or a change of role, department or
 * password (a database trigger bumps it, whoever writes the change; migrations 0010 and 0015). A disabled account
 * has no actor at all, whatever its session says.
 */
export async function loadActor(db: TDatabase, userId: string, session?: { sessionVersion: number }): Promise<TActor | null> {
  // One round trip for every page: the person, whether the identity provider links them, whether their second factor
  // is set up and required, and their memberships (a row per company, or one without).
  const rows = await db
    .select({
      user: users,
      linked: sql<boolean>`exists (select 1 from ${identityLinks} where ${identityLinks.userId} = ${users.id})`,
      twoFactorEnrolled: sql<boolean>`exists (select 1 from ${staffTwoFactor} where ${staffTwoFactor.userId} = ${users.id} and ${staffTwoFactor.confirmedAt} is not null)`,
      departmentRequiresTwoFactor: departments.twoFactorRequired,
      companyId: companyMembers.companyId,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(companyMembers, eq(companyMembers.userId, users.id))
    .where(eq(users.id, userId));
  const user = rows[0]?.user;
  // A person recorded at the counter has no account until they sign in through the identity provider, which links
  // them (no user name, no password, no link): until then they never act themselves. A disabled account acts no more.
  if (!user || (user.username === null && !rows[0].linked) || user.disabledAt !== null) return null;
  if (session && session.sessionVersion !== user.sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    companyIds: rows.flatMap((row) => (row.companyId === null ? [] : [row.companyId])),
    mustChangePassword: user.mustChangePassword,
    mustEnrolTwoFactor: twoFactorRequiredFor({ role: user.role, departmentRequires: rows[0].departmentRequiresTwoFactor ?? false }) && !rows[0].twoFactorEnrolled,
  };
}
