/**
 * For the admin's forms table: every form subject — each service's form, each bundle's composed form and its own
 * questions (bundle-base) — with its name, latest version, number of versions, when the latest was published,
 * and how many cases were submitted on each version.
 */
import { count, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, cases, formDefinitions, formSubjectTypes, services, type TFormSubjectType } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";

export type TFormSubjectSummary = {
  subjectType: TFormSubjectType;
  code: string;
  name: TLocalizedText;
  latestVersion: number;
  versionCount: number;
  latestPublishedAt: Date;
  /** Newest version first; versions no case was submitted on count 0. */
  casesPerVersion: { version: number; cases: number }[];
};

export type TListFormDefinitionsResult = { ok: true; subjects: TFormSubjectSummary[] } | TAppError;

export async function listFormDefinitions({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TListFormDefinitionsResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const [versions, serviceNames, bundleNames] = await Promise.all([
    db
      .select({
        subjectType: formDefinitions.subjectType,
        code: formDefinitions.subjectCode,
        version: formDefinitions.version,
        createdAt: formDefinitions.createdAt,
        cases: count(cases.id),
      })
      .from(formDefinitions)
      .leftJoin(cases, eq(cases.formDefinitionId, formDefinitions.id))
      .groupBy(formDefinitions.id),
    db.select({ code: services.code, name: services.name }).from(services),
    db.select({ code: bundles.code, name: bundles.name }).from(bundles),
  ]);
  const names = new Map<string, TLocalizedText>([
    ...serviceNames.map((row) => [`service:${row.code}`, row.name] as const),
    ...bundleNames.map((row) => [`bundle:${row.code}`, row.name] as const),
  ]);

  const subjects = new Map<string, TFormSubjectSummary>();
  for (const row of versions) {
    const key = `${row.subjectType}:${row.code}`;
    const name = names.get(`${row.subjectType === "service" ? "service" : "bundle"}:${row.code}`);
    if (!name) continue;
    const subject = subjects.get(key) ?? {
      subjectType: row.subjectType,
      code: row.code,
      name,
      latestVersion: 0,
      versionCount: 0,
      latestPublishedAt: row.createdAt,
      casesPerVersion: [],
    };
    subject.versionCount += 1;
    if (row.version > subject.latestVersion) {
      subject.latestVersion = row.version;
      subject.latestPublishedAt = row.createdAt;
    }
    subject.casesPerVersion.push({ version: row.version, cases: row.cases });
    subjects.set(key, subject);
  }
  const typeOrder = (type: TFormSubjectType) => formSubjectTypes.indexOf(type);
  const sorted = [...subjects.values()].sort((a, b) => typeOrder(a.subjectType) - typeOrder(b.subjectType) || a.code.localeCompare(b.code));
  for (const subject of sorted) subject.casesPerVersion.sort((a, b) => b.version - a.version);
  return { ok: true, subjects: sorted };
}
