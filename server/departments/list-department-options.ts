/** The departments that take staff (not retired), for the account forms' department list. */
import { asc, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

export async function listDepartmentOptions({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.role !== "admin") return [];
  return db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code));
}
