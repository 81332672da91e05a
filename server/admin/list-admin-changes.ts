/**
 * The admin's change record, newest first, in keyset pages on its increasing id (a page never skips or repeats a row
 * while new changes arrive), optionally of one kind of entity.
 */
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { adminChanges, users, type TAdminEntity } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

export const ADMIN_CHANGES_PAGE_SIZE = 30;

export async function listAdminChanges({
  db,
  actor,
  entity,
  before,
  limit = ADMIN_CHANGES_PAGE_SIZE,
}: {
  db: TDatabase;
  actor: TActor;
  entity?: TAdminEntity;
  /** The id of the last row of the previous page: this page starts below it. */
  before?: number;
  limit?: number;
}) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  const filters: SQL[] = [];
  if (entity) filters.push(eq(adminChanges.entity, entity));
  if (before !== undefined) filters.push(lt(adminChanges.id, before));
  const rows = await db
    .select({
      id: adminChanges.id,
      at: adminChanges.at,
      entity: adminChanges.entity,
      entityId: adminChanges.entityId,
      action: adminChanges.action,
      before: adminChanges.before,
      after: adminChanges.after,
      // The actor of an admin change is staff, whose accounts always have a user name.
      actorUsername: sql<string>`${users.username}`,
    })
    .from(adminChanges)
    .innerJoin(users, eq(users.id, adminChanges.actorId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(adminChanges.id))
    .limit(limit + 1);
  const changes = rows.slice(0, limit);
  return { ok: true as const, changes, nextBefore: rows.length > limit ? changes[changes.length - 1].id : null };
}
