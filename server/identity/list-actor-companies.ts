import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

/** The companies the actor may act for (they are a legal representative or agent of each). */
export async function listActorCompanies({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.companyIds.length === 0) return [];
  return db.select().from(companies).where(inArray(companies.id, actor.companyIds));
}
