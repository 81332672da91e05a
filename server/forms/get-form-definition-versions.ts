/**
 * For the admin's page of one form: every version, newest first, with its definition, who published it and when,
 * what a composed bundle version was built from, and the cases submitted on it (a count and the latest numbers).
 * A service's page also lists the bundles its form feeds; a bundle's, the services it is composed from.
 */
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, cases, formDefinitions, services, users, type TFormSubjectType } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";

/** How many of a version's latest case numbers to show. */
export const recentCasesShown = 5;

export type TFormVersionSource = { id: string; subjectType: TFormSubjectType; code: string; version: number };

export type TFormVersion = {
  id: string;
  version: number;
  definition: TFormDefinition;
  publishedAt: Date;
  /** Null for the seed, and for bundle versions composed on the seed's behalf. */
  publisherName: string | null;
  /** For a composed bundle version: the base and service versions it was built from, in order. */
  composedFrom: TFormVersionSource[] | null;
  caseCount: number;
  recentCaseNumbers: string[];
};

export type TGetFormDefinitionVersionsOptions = { db: TDatabase; actor: TActor; subjectType: TFormSubjectType; subjectCode: string };

export type TGetFormDefinitionVersionsResult =
  | {
      ok: true;
      subjectType: TFormSubjectType;
      code: string;
      name: TLocalizedText;
      /** Services: the bundles whose form this one feeds. Bundles: the component services, in item order. */
      related: { code: string; name: TLocalizedText }[];
      versions: TFormVersion[];
    }
  | TAppError;

export async function getFormDefinitionVersions(options: TGetFormDefinitionVersionsOptions): Promise<TGetFormDefinitionVersionsResult> {
  const { db, actor, subjectType, subjectCode } = options;
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isCatalogCode(subjectCode)) return fail("not-found:form-subject");
  const subject = await findSubject(db, subjectType, subjectCode);
  if (!subject) return fail("not-found:form-subject");

  const rows = await db
    .select({
      id: formDefinitions.id,
      version: formDefinitions.version,
      definition: formDefinitions.definition,
      publishedAt: formDefinitions.createdAt,
      composedFrom: formDefinitions.composedFrom,
      publisherName: users.displayName,
    })
    .from(formDefinitions)
    .leftJoin(users, eq(users.id, formDefinitions.publishedById))
    .where(and(eq(formDefinitions.subjectType, subjectType), eq(formDefinitions.subjectCode, subjectCode)))
    .orderBy(desc(formDefinitions.version));
  const ids = rows.map((row) => row.id);
  const sourceIds = [...new Set(rows.flatMap((row) => row.composedFrom ?? []))];

  const [counts, recent, sources] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ id: cases.formDefinitionId, cases: count() })
          .from(cases)
          .where(inArray(cases.formDefinitionId, ids))
          .groupBy(cases.formDefinitionId),
    ids.length === 0 ? [] : recentCaseNumbers(db, ids),
    sourceIds.length === 0
      ? []
      : db
          .select({ id: formDefinitions.id, subjectType: formDefinitions.subjectType, code: formDefinitions.subjectCode, version: formDefinitions.version })
          .from(formDefinitions)
          .where(inArray(formDefinitions.id, sourceIds)),
  ]);
  const caseCounts = new Map(counts.map((row) => [row.id, row.cases]));
  const sourcesById = new Map(sources.map((source) => [source.id, source]));

  return {
    ok: true,
    subjectType,
    code: subjectCode,
    name: subject.name,
    related: subject.related,
    versions: rows.map((row) => ({
      id: row.id,
      version: row.version,
      definition: row.definition,
      publishedAt: row.publishedAt,
      publisherName: row.publisherName,
      composedFrom: row.composedFrom ? row.composedFrom.flatMap((id) => sourcesById.get(id) ?? []) : null,
      caseCount: caseCounts.get(row.id) ?? 0,
      recentCaseNumbers: recent.filter((entry) => entry.formDefinitionId === row.id).map((entry) => entry.number),
    })),
  };
}

async function findSubject(db: TDatabase, subjectType: TFormSubjectType, code: string) {
  if (subjectType === "service") {
    const [service] = await db.select({ name: services.name }).from(services).where(eq(services.code, code)).limit(1);
    if (!service) return null;
    const related = await db
      .select({ code: bundles.code, name: bundles.name })
      .from(bundleItems)
      .innerJoin(bundles, eq(bundles.id, bundleItems.bundleId))
      .innerJoin(services, eq(services.id, bundleItems.serviceId))
      .where(eq(services.code, code))
      .orderBy(asc(bundles.code));
    return { name: service.name, related };
  }
  const [bundle] = await db.select({ id: bundles.id, name: bundles.name }).from(bundles).where(eq(bundles.code, code)).limit(1);
  if (!bundle) return null;
  const related = await db
    .select({ code: services.code, name: services.name })
    .from(bundleItems)
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(bundleItems.position));
  return { name: bundle.name, related };
}

/** The latest few case numbers of each version, newest first, in one query. */
async function recentCaseNumbers(db: TDatabase, formDefinitionIds: string[]) {
  const ranked = db
    .select({
      number: cases.number,
      formDefinitionId: cases.formDefinitionId,
      submittedAt: cases.submittedAt,
      rank: sql<number>`row_number() over (partition by ${cases.formDefinitionId} order by ${cases.submittedAt} desc, ${cases.number} desc)`.as("rank"),
    })
    .from(cases)
    .where(inArray(cases.formDefinitionId, formDefinitionIds))
    .as("ranked");
  return db
    .select({ number: ranked.number, formDefinitionId: ranked.formDefinitionId })
    .from(ranked)
    .where(lte(ranked.rank, recentCasesShown))
    .orderBy(desc(ranked.submittedAt), desc(ranked.number));
}
