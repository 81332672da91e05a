/** The published versions of each service's guide (事项办事指南), beside the catalog (catalog.ts). */
import { integer, jsonb, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { services, type TServiceDraft } from "./catalog";
import { users } from "./identity";

/** Every published version of a service's guide, kept so earlier versions can be read; the latest is in `services`. */
export const serviceVersions = pgTable(
  "service_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    version: integer("version").notNull(),
    guide: jsonb("guide").$type<TServiceDraft>().notNull(),
    /** The admin who published it; null for the seed and for versions 1 written by the migration. */
    publishedById: uuid("published_by_id").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("service_versions_service_version_key").on(table.serviceId, table.version)],
);
export type TServiceVersion = typeof serviceVersions.$inferSelect;
