/** The public catalog: services and bundles, filtered by department, applicant type, topic and a search text. */
import { and, asc, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { applicantTypes, bundleItems, bundles, departments, services } from "@/db/schema";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { ZPlainText } from "@/lib/text/plain-text";

/** Filters from the address: each one malformed (a NUL, a control character, a made-up code) is no filter at all. */
export const ZCatalogFilters = z.object({
  q: ZPlainText({ max: 100, tooLong: "search-too-long" })
    .transform((q) => q || undefined)
    .catch(undefined),
  department: z.string().trim().regex(catalogCodePattern).optional().catch(undefined),
  applicantType: z.enum(applicantTypes).optional().catch(undefined),
  topic: z.string().trim().regex(/^[a-z][a-z0-9-]{0,39}$/).optional().catch(undefined),
});
export type TCatalogFilters = Partial<z.infer<typeof ZCatalogFilters>>;

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function matchesText(column: typeof services.name | typeof bundles.name, code: typeof services.code | typeof bundles.code, q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ilike(code, pattern),
    sql`${column}->>'zh-Hans' ilike ${pattern}`,
    sql`${column}->>'zh-Hant' ilike ${pattern}`,
    sql`${column}->>'en' ilike ${pattern}`,
  )!;
}

export async function listCatalog({ db, filters }: { db: TDatabase; filters: TCatalogFilters }) {
  // A retired department's services are no longer offered (intake would refuse them), nor a retired service, nor one
  // never published; a bundle stays, since its routing may never reach them, and intake refuses only a case that would.
  const serviceConditions: SQL[] = [isNull(departments.retiredAt), ...offeredServiceConditions()];
  if (filters.q) serviceConditions.push(matchesText(services.name, services.code, filters.q));
  if (filters.department) serviceConditions.push(eq(departments.code, filters.department));
  if (filters.applicantType) serviceConditions.push(eq(services.applicantType, filters.applicantType));
  if (filters.topic) serviceConditions.push(eq(services.topic, filters.topic));

  const serviceRows = await db
    .select({
      code: services.code,
      name: services.name,
      summary: services.summary,
      applicantType: services.applicantType,
      kind: services.kind,
      promisedLimitDays: services.promisedLimitDays,
      topic: services.topic,
      departmentCode: departments.code,
      departmentName: departments.name,
    })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(and(...serviceConditions))
    .orderBy(asc(departments.code), asc(services.code));

  // A retired bundle has left the catalog; one the admin has not given a service yet is not offered either.
  const bundleConditions: SQL[] = [isNull(bundles.retiredAt), sql`exists (select 1 from ${bundleItems} bi where bi.bundle_id = ${bundles.id})`];
  if (filters.q) bundleConditions.push(matchesText(bundles.name, bundles.code, filters.q));
  if (filters.applicantType) bundleConditions.push(eq(bundles.applicantType, filters.applicantType));
  if (filters.topic) bundleConditions.push(eq(bundles.topic, filters.topic));
  if (filters.department) {
    // A bundle belongs to every department one of its services belongs to.
    bundleConditions.push(
      sql`exists (select 1 from ${bundleItems} bi join ${services} s on s.id = bi.service_id join ${departments} d on d.id = s.department_id
                  where bi.bundle_id = ${bundles.id} and d.code = ${filters.department})`,
    );
  }
  const bundleRows = await db
    .select({ code: bundles.code, name: bundles.name, summary: bundles.summary, applicantType: bundles.applicantType, topic: bundles.topic })
    .from(bundles)
    .where(and(...bundleConditions))
    .orderBy(asc(bundles.code));

  return { services: serviceRows, bundles: bundleRows };
}

/** The departments the catalog can be filtered by: those still taking work. */
export async function listDepartments({ db }: { db: TDatabase }) {
  return db.select().from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.code));
}

/** What makes a service offered to the public: published at least once, and not retired. */
export function offeredServiceConditions(): SQL[] {
  return [gt(services.publishedVersion, 0), isNull(services.retiredAt)];
}

export async function listTopics({ db }: { db: TDatabase }) {
  const rows = await db
    .selectDistinct({ topic: services.topic })
    .from(services)
    .where(and(...offeredServiceConditions()))
    .orderBy(asc(services.topic));
  return rows.map((row) => row.topic);
}
