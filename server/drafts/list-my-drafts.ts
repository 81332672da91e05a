/**
 * The applicant's live drafts for /me and the apply page, newest first, each with a warning when expiry is near.
 * Expired ones are left out, never deleted here: a page view does not write (purge-expired-drafts.ts does, on the
 * worker's schedule).
 */
import { and, desc, eq, gt, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, drafts, services } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { getEnv } from "@/server/env";

export type TDraftSummary = {
  id: string;
  subjectCode: string;
  subjectName: TLocalizedText | null;
  updatedAt: Date;
  expiresAt: Date;
  expiringSoon: boolean;
};

export async function listMyDrafts(options: {
  db: TDatabase;
  actor: TActor;
  /** A counter clerk's drafts filed for this person or company only (the applicant's page at the counter). */
  filedFor?: string;
  now?: Date;
}): Promise<TDraftSummary[]> {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const live = await db
    .select({ id: drafts.id, subjectCode: drafts.subjectCode, updatedAt: drafts.updatedAt, expiresAt: drafts.expiresAt })
    .from(drafts)
    .where(
      and(
        eq(drafts.applicantId, actor.id),
        gt(drafts.expiresAt, now),
        options.filedFor ? or(eq(drafts.filedForUserId, options.filedFor), eq(drafts.companyId, options.filedFor)) : undefined,
      ),
    )
    .orderBy(desc(drafts.updatedAt));

  const codes = [...new Set(live.map((draft) => draft.subjectCode))];
  const names = new Map<string, TLocalizedText>();
  if (codes.length > 0) {
    const [serviceNames, bundleNames] = await Promise.all([
      db.select({ code: services.code, name: services.name }).from(services).where(inArray(services.code, codes)),
      db.select({ code: bundles.code, name: bundles.name }).from(bundles).where(inArray(bundles.code, codes)),
    ]);
    for (const row of [...serviceNames, ...bundleNames]) names.set(row.code, row.name);
  }
  const warningMs = getEnv().DRAFT_EXPIRY_WARNING_DAYS * 24 * 60 * 60 * 1000;
  return live.map((draft) => ({
    id: draft.id,
    subjectCode: draft.subjectCode,
    subjectName: names.get(draft.subjectCode) ?? null,
    updatedAt: draft.updatedAt,
    expiresAt: draft.expiresAt,
    expiringSoon: draft.expiresAt.getTime() - now.getTime() <= warningMs,
  }));
}
