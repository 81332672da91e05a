/**
 * Uploaded files (申请材料). The bytes live in the database so the app stays stateless behind a load balancer
 * and needs no file store to start; docs/OPERATIONS.md says when to move them to object storage.
 */
import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { createdAt } from "./columns";
import { users } from "./identity";
import { openBytes } from "@/db/sealing/seal";

/**
 * The file's bytes: as uploaded, or sealed by the upload when its material field is of the sensitive class
 * (server/materials/store-upload.ts); a sealed file is opened on read (db/sealing/seal.ts).
 */
const fileContent = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => openBytes(value, fileContentContext),
});

export const fileContentContext = "files.content";

export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who uploaded it; only they (and, once submitted, the case's clerks) may read it. */
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** The name the applicant's device gave it; shown only, never trusted for the type. */
    name: text("name").notNull(),
    /** Detected from the content. */
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: fileContent("content").notNull(),
    /**
     * The first case whose answers (or answered supplement) named it, set in that transaction: a file with none,
     * named by no draft nor open supplement either, is an orphan once a day old and is purged
     * (server/materials/purge-orphaned-uploads.ts).
     */
    caseId: uuid("case_id").references(() => cases.id),
    createdAt: createdAt(),
  },
  (table) => [
    index("files_owner_idx").on(table.ownerId),
    // The purge's candidates: files no case has named yet, oldest first.
    index("files_unattached_idx").on(table.createdAt).where(sql`${table.caseId} is null`),
  ],
);
export type TFile = typeof files.$inferSelect;
