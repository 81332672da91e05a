/** People who sign in, and the companies they act for. */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { departments } from "./catalog";
import { sealedText } from "./sealed-columns";

export const roles = ["citizen", "enterprise", "counter", "clerk", "supervisor", "admin"] as const;
export type TRole = (typeof roles)[number];
/** The roles of government staff, whose accounts the admin keeps (applicants come through unified identity). */
export const staffRoles = ["clerk", "supervisor", "counter", "admin"] as const satisfies readonly TRole[];
export type TStaffRole = (typeof staffRoles)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * Null with the password for a person recorded at the counter (一窗受理): they cannot sign in until they register,
     * when the identity step links the account to this row by their verified ID number instead of making a second one.
     */
    username: text("username").unique(),
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** Set for clerks only: the one department whose queue they work. */
    departmentId: uuid("department_id").references(() => departments.id),
    /** Identity data held by the government (one source): prefilled, never typed again. */
    residentIdNumber: sealedText("resident_id_number", "users.resident_id_number"),
    /**
     * The blind index of the ID number (db/sealing/blind-index.ts): how a person is found by number,
     * and kept unique, while the number itself is sealed. Written with it (personal-number-columns.ts).
     */
    residentIdIndex: text("resident_id_index"),
    mobile: sealedText("mobile", "users.mobile"),
    /** Where copies of inbox messages are e-mailed when SMTP is configured; optional. */
    email: text("email"),
    /**
     * The server-side revocation point of this person's sessions: a session cookie carries the version it was
     * issued under and stops working once this moves on (sign-out, role change, password change).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /**
     * Set on an account the admin created or whose password the admin reset: its password is one the admin saw, so
     * every page sends the person to choose their own first (server/auth/require-actor.ts).
     */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Set while the admin has disabled the account: it cannot sign in, and its sessions ended (migration 0016's trigger). */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Set for a person recorded at the counter: the counter clerk who recorded them, and when. */
    recordedById: uuid("recorded_by_id").references((): AnyPgColumn => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("users_department_idx").on(table.departmentId),
    // One person, one row: the counter finds people by their ID number and refuses to record them twice.
    uniqueIndex("users_resident_id_index_idx").on(table.residentIdIndex).where(sql`${table.residentIdIndex} is not null`),
  ],
);
export type TUser = typeof users.$inferSelect;
export type TNewUser = typeof users.$inferInsert;

export const companies = pgTable("companies", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Unified social credit code (GB 32100). */
  uscc: text("uscc").notNull().unique(),
  name: text("name").notNull(),
  legalRepresentative: text("legal_representative").notNull(),
  registeredAddress: text("registered_address").notNull(),
  regionCode: text("region_code").notNull(),
  /** Set for a company recorded at the counter with the minimum data: the counter clerk who recorded it, and when. */
  recordedById: uuid("recorded_by_id").references(() => users.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }),
  createdAt: createdAt(),
});
export type TCompany = typeof companies.$inferSelect;

export const companyMemberRoles = ["legal-representative", "agent"] as const;

export const companyMembers = pgTable(
  "company_members",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: companyMemberRoles }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] }), index("company_members_user_idx").on(table.userId)],
);
export type TCompanyMember = typeof companyMembers.$inferSelect;

/**
 * A person's account at the government's unified identity provider (统一身份认证, OpenID Connect), linked to their
 * row here on their first sign-in by the verified resident ID number (server/auth/sign-in-with-identity.ts). The
 * provider's subject identifier, not the ID number, finds the row on later sign-ins; one person has at most one
 * account per provider. A row with a link and no user name signs in through the provider only.
 */
export const identityLinks = pgTable(
  "identity_links",
  {
    /** The provider's issuer identifier (OIDC_ISSUER), so a change of provider never matches another's subjects. */
    issuer: text("issuer").notNull(),
    /** The provider's `sub` for this person: stable, and never shown or logged. */
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.issuer, table.subject] }), uniqueIndex("identity_links_user_issuer_idx").on(table.userId, table.issuer)],
);
export type TIdentityLink = typeof identityLinks.$inferSelect;
