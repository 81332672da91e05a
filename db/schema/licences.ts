/**
 * E-licences (电子证照) in applicants' wallets: the results of approvals, reusable instead of paper (免提交) and
 * as a prefill source (免填报). Step 4 adds signing and public verification.
 */
import { date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { departments } from "./catalog";
import { createdAt, localizedText } from "./columns";
import { companies, users } from "./identity";

export const licenceStatuses = ["valid", "revoked"] as const;
export type TLicenceStatus = (typeof licenceStatuses)[number];

export const licences = pgTable(
  "licences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The number printed on the licence. */
    number: text("number").notNull().unique(),
    /** Licence type, e.g. "business-licence", "birth-certificate"; form fields name types they accept. */
    type: text("type").notNull(),
    title: localizedText("title").notNull(),
    /** A person's licence, or a company's (then any of its staff may use it). */
    holderUserId: uuid("holder_user_id").references(() => users.id),
    holderCompanyId: uuid("holder_company_id").references(() => companies.id),
    issuingDepartmentId: uuid("issuing_department_id")
      .notNull()
      .references(() => departments.id),
    /** The licence's data items, readable by prefill as `licence.<type>.<key>`. */
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: licenceStatuses }).notNull().default("valid"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    createdAt: createdAt(),
  },
  (table) => [index("licences_holder_user_idx").on(table.holderUserId), index("licences_holder_company_idx").on(table.holderCompanyId)],
);
export type TLicence = typeof licences.$inferSelect;
