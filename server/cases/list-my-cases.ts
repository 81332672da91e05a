import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { bundles, cases, services } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleToApplicant } from "./case-access";

export type TMyCase = Awaited<ReturnType<typeof listMyCases>>[number];

/** The applicant's cases, newest first, with the name of the service or bundle applied for. */
export async function listMyCases({ db, actor, limit = 100 }: { db: TDatabase; actor: TActor; limit?: number }) {
  const service = alias(services, "subject_service");
  const bundle = alias(bundles, "subject_bundle");
  const rows = await db
    .select({
      number: cases.number,
      status: cases.status,
      submittedAt: cases.submittedAt,
      concludedAt: cases.concludedAt,
      serviceName: service.name,
      bundleName: bundle.name,
    })
    .from(cases)
    .leftJoin(service, and(eq(cases.subjectType, "service"), eq(service.code, cases.subjectCode)))
    .leftJoin(bundle, and(eq(cases.subjectType, "bundle"), eq(bundle.code, cases.subjectCode)))
    .where(casesVisibleToApplicant(actor))
    .orderBy(desc(cases.submittedAt))
    .limit(limit);
  return rows.map(({ serviceName, bundleName, ...row }) => ({ ...row, subjectName: (serviceName ?? bundleName)! }));
}
