/**
 * An admin publishes a new version of a service's form, or of a bundle's own questions (its "bundle-base"). In
 * ONE transaction: the new version (latest + 1), then the next composed version of every bundle it feeds. If any
 * of those bundles cannot be composed from it, nothing is written and the composition issues come back.
 *
 * Refusals, in the order they are checked: not an admin · no such service or bundle · not JSON (with the
 * parser's line and column) · not a valid definition (each issue with its JSON path) · someone published since
 * the version the admin edited (baseVersion) · nothing changed (a new version identical to the latest would only
 * make the history harder to read) · a bundle it feeds no longer composes.
 */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundleItems, bundles, services } from "@/db/schema";
import { canonicalJson } from "@/lib/canonical-json";
import type { TDefinitionIssue } from "@/lib/forms/definition";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { checkDefinitionJson, type TJsonSyntaxError } from "./check-definition-json";
import { findLatestFormVersion, FormVersionConflict, insertNextFormVersion, lockFormSubject } from "./insert-form-version";
import { recomposeBundle } from "./recompose-bundle";

export const publishableSubjectTypes = ["service", "bundle-base"] as const;
export type TPublishableSubjectType = (typeof publishableSubjectTypes)[number];

export type TPublishFormDefinitionOptions = {
  db: TDatabase;
  actor: TActor;
  subjectType: TPublishableSubjectType;
  subjectCode: string;
  /** The definition as the admin wrote it. */
  definitionJson: string;
  /** The version the admin started from; when given, a version published meanwhile refuses this one. */
  baseVersion?: number;
};

export type TPublishFormDefinitionResult =
  | { ok: true; id: string; version: number; recomposed: { bundleCode: string; version: number }[] }
  | (TAppError & { issues?: TDefinitionIssue[]; syntax?: TJsonSyntaxError; bundleCode?: string });

/** Thrown inside the transaction to roll it back and hand a refusal out. */
class Refusal extends Error {
  constructor(readonly result: TPublishFormDefinitionResult) {
    super("publish refused");
  }
}

export async function publishFormDefinition(options: TPublishFormDefinitionOptions): Promise<TPublishFormDefinitionResult> {
  const { db, actor, subjectType, subjectCode, definitionJson, baseVersion } = options;
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!(await subjectExists(db, subjectType, subjectCode))) return fail("not-found:form-subject");

  const checked = checkDefinitionJson(definitionJson);
  if (!checked.ok) return checked.code === "invalid:form-definition-json" ? { ...fail(checked.code), syntax: checked.syntax } : { ...fail(checked.code), issues: checked.issues };
  const definition = checked.definition;

  try {
    return await db.transaction(async (tx) => {
      await lockFormSubject(tx, subjectType, subjectCode);
      const latest = await findLatestFormVersion(tx, subjectType, subjectCode);
      if (baseVersion !== undefined && (latest?.version ?? 0) !== baseVersion) {
        throw new Refusal(fail("conflict:form-definition-changed", { latestVersion: latest?.version ?? 0 }));
      }
      if (latest && canonicalJson(latest.definition) === canonicalJson(definition)) {
        throw new Refusal(fail("conflict:form-definition-unchanged", { latestVersion: latest.version }));
      }
      const row = await insertNextFormVersion(tx, { subjectType, subjectCode, definition, publishedById: actor.id });

      const recomposed: { bundleCode: string; version: number }[] = [];
      for (const bundleCode of await bundlesFedBy(tx, subjectType, subjectCode)) {
        const result = await recomposeBundle({ db: tx, bundleCode, publishedById: actor.id });
        if (!result.ok) throw new Refusal({ ...result, bundleCode });
        recomposed.push({ bundleCode, version: result.form.version });
      }
      return { ok: true as const, id: row.id, version: row.version, recomposed };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (error instanceof FormVersionConflict) return fail("conflict:form-definition-changed");
    throw error;
  }
}

async function subjectExists(db: TDatabase, subjectType: TPublishableSubjectType, code: string) {
  const table = subjectType === "service" ? services : bundles;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, code)).limit(1);
  return row !== undefined;
}

/** The bundles whose composed form is built from this subject, by code (the order their locks are taken in). */
export async function bundlesFedBy(db: TDatabase, subjectType: TPublishableSubjectType, code: string): Promise<string[]> {
  if (subjectType === "bundle-base") return [code];
  const rows = await db
    .select({ code: bundles.code })
    .from(bundleItems)
    .innerJoin(bundles, eq(bundles.id, bundleItems.bundleId))
    .innerJoin(services, eq(services.id, bundleItems.serviceId))
    .where(eq(services.code, code))
    .orderBy(asc(bundles.code));
  return rows.map((row) => row.code);
}
