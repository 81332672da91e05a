/**
 * Staff's second factor: a TOTP secret (RFC 6238, an authenticator app) and one-time recovery codes
 * (server/two-factor/). Required for admins and supervisors, and for the clerks and counter staff of a department
 * that requires it (departments.two_factor_required).
 *
 * The secret must be read to compute codes, so a hash will not do: it is sealed at rest under the data key instead
 * (db/sealing/, decision 041).
 */
import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./identity";
import { sealedText } from "./sealed-columns";

export const staffTwoFactor = pgTable("staff_two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  /** Base32, as in the otpauth:// URI the person scanned. */
  secret: sealedText("secret", "staff_two_factor.secret").notNull(),
  /** Null while the person has been shown the secret but not yet confirmed it with a code: not in force. */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The time step (unix seconds / 30) of the last code accepted: a code of that step or earlier is refused as reused. */
  lastTimeStep: bigint("last_time_step", { mode: "number" }),
  createdAt: createdAt(),
});
export type TStaffTwoFactor = typeof staffTwoFactor.$inferSelect;

/** Ten codes for a lost phone, each usable once; stored only as SHA-256 hashes (they are random, 68 bits). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("recovery_codes_user_idx").on(table.userId)],
);
