/**
 * The data encryption keys this database has been sealed under (db/sealing/, server/data-protection/): ids only, never a key.
 * Setup refuses to start on a database naming a key that is not retired and that the server does not hold — a
 * restored backup, a lost DATA_DIR, a replica given another key — rather than start and fail on every read.
 */
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const dataKeys = pgTable("data_keys", {
  keyId: text("key_id").primaryKey(),
  /** Set by keys:rotate-data once no value is sealed under the key any more. */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  createdAt: createdAt(),
});
