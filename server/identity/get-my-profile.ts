/** What the government holds about the signed-in person, for /me/profile: identity, and the companies they act for. */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies, companyMembers, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

export async function getMyProfile({ db, actor }: { db: TDatabase; actor: TActor }) {
  const [user] = await db
    .select({ displayName: users.displayName, residentIdNumber: users.residentIdNumber, mobile: users.mobile, email: users.email })
    .from(users)
    .where(eq(users.id, actor.id));
  const memberships = await db
    .select({ name: companies.name, uscc: companies.uscc, role: companyMembers.role })
    .from(companyMembers)
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(eq(companyMembers.userId, actor.id))
    .orderBy(companies.name);
  return { ...user, companies: memberships };
}
