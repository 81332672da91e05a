/**
 * The name of what a case applied for (a service or a bundle), as one SQL expression: the ratings lists and
 * statistics name a case by it, as the applicant's tracker does.
 */
import { sql, type SQL } from "drizzle-orm";
import { bundles, cases, services } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";

export function caseSubjectName(): SQL<TLocalizedText> {
  return sql<TLocalizedText>`case ${cases.subjectType}
    when 'service' then (select ${services.name} from ${services} where ${services.code} = ${cases.subjectCode})
    else (select ${bundles.name} from ${bundles} where ${bundles.code} = ${cases.subjectCode}) end`;
}
