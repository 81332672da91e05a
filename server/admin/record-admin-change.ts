/**
 * The one way an admin change is recorded: every admin use case calls it inside the transaction of its change, so
 * the record and the change commit or roll back together. `before` and `after` are the record as the admin page
 * knows it; what must never be copied into a second place — password hashes, personal numbers, contact details of
 * a person — is left out here, by name, whatever a caller passes.
 */
import type { TDatabase } from "@/db/client";
import { adminChanges, type TAdminEntity } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record-audit";

/** Keys never recorded: secrets and personal data (db/schema/identity.ts). */
const withheldKeys = new Set(["passwordHash", "password", "residentIdNumber", "mobile", "email", "sessionVersion"]);

export type TRecordedValue = Record<string, unknown> | null;

/** The value as recorded: dates as ISO text, withheld keys left out at every depth. */
export function recordableOf(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(recordableOf);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !withheldKeys.has(key)).map(([key, inner]) => [key, recordableOf(inner)]));
  }
  return value;
}

export async function recordAdminChange({
  db,
  actor,
  entity,
  entityId,
  action,
  before,
  after,
}: {
  /** The transaction the change is written in. */
  db: TDatabase;
  actor: TActor;
  entity: TAdminEntity;
  entityId: string;
  action: string;
  before: TRecordedValue;
  after: TRecordedValue;
}): Promise<void> {
  await db.insert(adminChanges).values({
    actorId: actor.id,
    entity,
    entityId,
    action,
    before: before === null ? null : (recordableOf(before) as Record<string, unknown>),
    after: after === null ? null : (recordableOf(after) as Record<string, unknown>),
  });
  // The audit chain holds that the change happened (who, what, when, from where); the before and after stay here.
  await recordAudit({ db, actorId: actor.id, actorRole: actor.role, action: "admin-change", targetType: entity, targetId: entityId, details: { action } });
}
