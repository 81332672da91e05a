/**
 * The change record of administration: one row per change an admin makes (a department, an account, a calendar day,
 * later services, bundles, routing rules and reason templates), written in the same transaction as the change by the
 * one helper server/admin/record-admin-change.ts. Personal numbers and password hashes never reach it.
 */
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";

/** What was changed; a later admin page adds its entity here. */
export const adminEntities = ["department", "user", "calendar-day", "service", "reason-template", "bundle"] as const;
export type TAdminEntity = (typeof adminEntities)[number];

export const adminChanges = pgTable(
  "admin_changes",
  {
    // Increasing, so pages of the record are keyset pages on it (newest first).
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    entity: text("entity", { enum: adminEntities }).notNull(),
    /** The changed record's key as text: a uuid, a date. */
    entityId: text("entity_id").notNull(),
    /** A verb of the entity's page: create, edit, retire, disable, reset-password … */
    action: text("action").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
  },
  (table) => [index("admin_changes_entity_idx").on(table.entity, table.id)],
);
export type TAdminChange = typeof adminChanges.$inferSelect;
