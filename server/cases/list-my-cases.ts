import { and, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { bundles, cases, companies, services } from "@/db/schema";
import type { TCaseStatus } from "@/lib/workflow/statuses";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleToApplicant } from "./case-access";

/** The filters of /me: what the applicant asks "show me …" about. */
export const myCaseFilters = ["all", "action", "open", "concluded", "withdrawn"] as const;
export type TMyCaseFilter = (typeof myCaseFilters)[number];

const statusesOf: Record<Exclude<TMyCaseFilter, "all">, TCaseStatus[]> = {
  action: ["waiting-for-applicant"],
  open: ["submitted", "in-progress"],
  concluded: ["concluded"],
  withdrawn: ["withdrawn"],
};

export type TMyCase = Awaited<ReturnType<typeof listMyCases>>["cases"][number];

/**
 * The applicant's cases (their own and their companies'), newest first, with the name of the service or bundle
 * applied for and the company it was filed for; narrowed by a filter, with the count of each filter.
 */
export async function listMyCases({ db, actor, filter = "all", limit = 100 }: { db: TDatabase; actor: TActor; filter?: TMyCaseFilter; limit?: number }) {
  const service = alias(services, "subject_service");
  const bundle = alias(bundles, "subject_bundle");
  const visible = casesVisibleToApplicant(actor);
  const [rows, perStatus] = await Promise.all([
    db
      .select({
        number: cases.number,
        status: cases.status,
        submittedAt: cases.submittedAt,
        concludedAt: cases.concludedAt,
        serviceName: service.name,
        bundleName: bundle.name,
        companyName: companies.name,
      })
      .from(cases)
      .leftJoin(service, and(eq(cases.subjectType, "service"), eq(service.code, cases.subjectCode)))
      .leftJoin(bundle, and(eq(cases.subjectType, "bundle"), eq(bundle.code, cases.subjectCode)))
      .leftJoin(companies, eq(companies.id, cases.companyId))
      .where(filter === "all" ? visible : and(visible, inArray(cases.status, statusesOf[filter])))
      .orderBy(desc(cases.submittedAt))
      .limit(limit),
    db.select({ status: cases.status, count: count() }).from(cases).where(visible).groupBy(cases.status),
  ]);
  const counts = Object.fromEntries(myCaseFilters.map((name) => [name, 0])) as Record<TMyCaseFilter, number>;
  for (const row of perStatus) {
    counts.all += row.count;
    for (const [name, statuses] of Object.entries(statusesOf)) if (statuses.includes(row.status)) counts[name as TMyCaseFilter] += row.count;
  }
  return {
    cases: rows.map(({ serviceName, bundleName, ...row }) => ({ ...row, subjectName: (serviceName ?? bundleName)! })),
    counts,
  };
}
