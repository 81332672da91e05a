/** The service catalog: departments, services (事项) with their guides, and bundles (一件事). */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLicenceTemplate } from "@/lib/licences/licence-template";
import type { TCommitmentRule } from "@/lib/workflow/commitment";
import { createdAt, localizedText } from "./columns";

export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: localizedText("name").notNull(),
  shortName: localizedText("short_name").notNull(),
  /**
   * Where an applicant may seek administrative review (行政复议机关) of this department's decisions, and the court
   * (人民法院) they may sue in; a service may name others. Printed on a 不予许可决定书 and shown in the guide.
   */
  reviewBody: localizedText("review_body"),
  court: localizedText("court"),
  /** When the department's staff were last sent the new-task digest: the next waits DESK_DIGEST_MINUTES. */
  newTasksToldAt: timestamp("new_tasks_told_at", { withTimezone: true }),
  /** How applicants reach the department (its service hall): shown with its services; kept by the admin. */
  phone: text("phone"),
  address: text("address"),
  hours: text("hours"),
  /**
   * Set when the admin retires the department: it takes no new tasks (intake refuses its services) and no new staff.
   * Only a department without open tasks or active staff is retired, so nothing is left stranded.
   */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  /** Set by the admin: the department's clerks and counter staff sign in with a one-time code too (db/schema/two-factor.ts). */
  twoFactorRequired: boolean("two_factor_required").notNull().default(false),
  createdAt: createdAt(),
});
export type TDepartment = typeof departments.$inferSelect;

export const applicantTypes = ["natural", "legal"] as const;
export type TApplicantType = (typeof applicantTypes)[number];
export const serviceKinds = ["instant", "promised"] as const;
export type TServiceKind = (typeof serviceKinds)[number];

/**
 * An instant service's (即办件/秒批) check at submit: when the rule holds for the answers, the task is approved by
 * the system in the submit's transaction; when it does not, a clerk gets the task with `reason`.
 */
export type TInstantCheck = { rule: TLogicRule; reason: TLocalizedText };

export type TMaterial = { name: TLocalizedText; required: boolean; copies: number; note?: TLocalizedText };

/**
 * A service's guide (办事指南) as the admin edits it: the draft waiting to be published, and each published version,
 * hold exactly this; publishing copies it into the `services` columns of the same names, which everything else reads.
 * address, hours and phone null: the department's.
 */
export type TServiceGuide = {
  name: TLocalizedText;
  summary: TLocalizedText;
  topic: string;
  conditions: TLocalizedText[];
  materials: TMaterial[];
  fees: TLocalizedText;
  legalBasis: TLocalizedText[];
  legalLimitDays: number;
  promisedLimitDays: number;
  address: string | null;
  hours: string | null;
  phone: string | null;
  steps: TLocalizedText[];
};

/**
 * A service's decision settings, drafted and published with its guide into the `services` columns of the same names:
 * the review body and court printed on a refusal (null: the department's), the instant check (instant services
 * only), the 告知承诺制 rule and the licence template (null: none).
 */
export type TServiceDecisions = {
  reviewBody: TLocalizedText | null;
  court: TLocalizedText | null;
  instantCheck: TInstantCheck | null;
  commitment: TCommitmentRule | null;
  licenceTemplate: TLicenceTemplate | null;
};

/**
 * What a draft and a published version hold: the guide, and the decision settings. Drafts and versions kept before
 * the settings were editable have none (publishing such a draft leaves the settings as they are).
 */
export type TServiceDraft = TServiceGuide & Partial<TServiceDecisions>;

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    name: localizedText("name").notNull(),
    summary: localizedText("summary").notNull(),
    applicantType: text("applicant_type", { enum: applicantTypes }).notNull(),
    kind: text("kind", { enum: serviceKinds }).notNull(),
    /** For an instant service: what must hold to approve at submit. Null: always approved at submit. */
    instantCheck: jsonb("instant_check").$type<TInstantCheck | null>(),
    /** 法定时限 and 承诺时限, in working days. */
    legalLimitDays: integer("legal_limit_days").notNull(),
    promisedLimitDays: integer("promised_limit_days").notNull(),
    topic: text("topic").notNull(),
    conditions: jsonb("conditions").$type<TLocalizedText[]>().notNull(),
    materials: jsonb("materials").$type<TMaterial[]>().notNull(),
    fees: localizedText("fees").notNull(),
    legalBasis: jsonb("legal_basis").$type<TLocalizedText[]>().notNull(),
    /** 办理流程, in order. */
    steps: jsonb("steps").$type<TLocalizedText[]>().notNull().default([]),
    /** Where and when to go (办理地点, 办理时间, 咨询电话); null: the department's. */
    address: text("address"),
    hours: text("hours"),
    phone: text("phone"),
    /** The review body and court for this service when they differ from its department's; null: the department's. */
    reviewBody: localizedText("review_body"),
    court: localizedText("court"),
    /** The e-licence an approval of this service issues (lib/licences/licence-template.ts); null: none. */
    licenceTemplate: jsonb("licence_template").$type<TLicenceTemplate | null>(),
    /**
     * 告知承诺制 (lib/workflow/commitment.ts): the answer that means the applicant signs the commitment, so a clerk
     * may approve at once, and the working days within which the department then inspects. Null: not offered.
     */
    commitment: jsonb("commitment").$type<TCommitmentRule | null>(),
    /**
     * The published version whose guide the columns above hold (service_versions); 0 while the service has never
     * been published, and then nobody but the admin sees it: the catalog, the guide and intake leave it out.
     */
    publishedVersion: integer("published_version").notNull().default(0),
    /** The admin's draft of the next version, waiting to be published or discarded; null: none. */
    draft: jsonb("draft").$type<TServiceDraft | null>(),
    draftSavedAt: timestamp("draft_saved_at", { withTimezone: true }),
    /**
     * Set when the admin retires the service: it leaves the catalog and intake refuses it; its open cases and tasks
     * carry on. Cleared when it is brought back.
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("services_department_idx").on(table.departmentId), index("services_topic_idx").on(table.topic)],
);
export type TService = typeof services.$inferSelect;

export const bundles = pgTable("bundles", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: localizedText("name").notNull(),
  summary: localizedText("summary").notNull(),
  applicantType: text("applicant_type", { enum: applicantTypes }).notNull(),
  topic: text("topic").notNull(),
  /**
   * Set when the admin retires the bundle: it leaves the catalog and no new application of it starts or is submitted;
   * cases already submitted keep their tasks and go on.
   */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  createdAt: createdAt(),
});
export type TBundle = typeof bundles.$inferSelect;

export const bundleItems = pgTable(
  "bundle_items",
  {
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => bundles.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    position: integer("position").notNull(),
    /** Routing rule over the bundle form's answers (json-logic); null = the component always applies. */
    appliesWhen: jsonb("applies_when").$type<TLogicRule | null>(),
    /**
     * Fields of the service's own form that the bundle does not ask, because another department of the bundle
     * produces them (the newborn's ID number comes from the police registration in the same bundle).
     */
    excludeFields: jsonb("exclude_fields").$type<string[]>().notNull().default([]),
    /** Codes of services of this bundle that must be approved before this one's task is ready (并联 otherwise). */
    dependsOn: jsonb("depends_on").$type<string[]>().notNull().default([]),
  },
  (table) => [primaryKey({ columns: [table.bundleId, table.serviceId] })],
);
export type TBundleItem = typeof bundleItems.$inferSelect;

/** Decisions a clerk must give reasons for, each with the service's own reason templates. */
export const reasonDecisions = ["refuse", "reject"] as const;
export type TReasonDecision = (typeof reasonDecisions)[number];

/**
 * 常用理由: wordings a department uses for a decision of a service (不予受理, 不予许可), offered to the clerk to fill
 * the reason box; the clerk may change the words before sending. Seeded; edited by the admin.
 */
export const reasonTemplates = pgTable(
  "reason_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    decision: text("decision", { enum: reasonDecisions }).notNull(),
    position: integer("position").notNull(),
    text: localizedText("text").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("reason_templates_service_idx").on(table.serviceId, table.decision, table.position)],
);
export type TReasonTemplate = typeof reasonTemplates.$inferSelect;
