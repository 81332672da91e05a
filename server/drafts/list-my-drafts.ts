/**
 * The applicant's drafts for /me: the live ones (with a warning when expiry is near) and, once, the ones that
 * expired since they last looked — deleted in the same call, so their answers do not linger.
 */
import { and, desc, eq, inArray, lte } from "drizzle-orm";
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

export async function listMyDrafts(options: { db: TDatabase; actor: TActor; now?: Date }) {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const expired = await db
    .delete(drafts)
    .where(and(eq(drafts.applicantId, actor.id), lte(drafts.expiresAt, now)))
    .returning({ id: drafts.id, subjectCode: drafts.subjectCode, expiresAt: drafts.expiresAt });
  const live = await db
    .select({ id: drafts.id, subjectCode: drafts.subjectCode, updatedAt: drafts.updatedAt, expiresAt: drafts.expiresAt })
    .from(drafts)
    .where(eq(drafts.applicantId, actor.id))
    .orderBy(desc(drafts.updatedAt));

  const codes = [...new Set([...live, ...expired].map((draft) => draft.subjectCode))];
  const names = new Map<string, TLocalizedText>();
  if (codes.length > 0) {
    const [serviceNames, bundleNames] = await Promise.all([
      db.select({ code: services.code, name: services.name }).from(services).where(inArray(services.code, codes)),
      db.select({ code: bundles.code, name: bundles.name }).from(bundles).where(inArray(bundles.code, codes)),
    ]);
    for (const row of [...serviceNames, ...bundleNames]) names.set(row.code, row.name);
  }
  const warningMs = getEnv().DRAFT_EXPIRY_WARNING_DAYS * 24 * 60 * 60 * 1000;
  const summarize = (draft: { id: string; subjectCode: string; updatedAt?: Date; expiresAt: Date }): TDraftSummary => ({
    id: draft.id,
    subjectCode: draft.subjectCode,
    subjectName: names.get(draft.subjectCode) ?? null,
    updatedAt: draft.updatedAt ?? draft.expiresAt,
    expiresAt: draft.expiresAt,
    expiringSoon: draft.expiresAt.getTime() - now.getTime() <= warningMs,
  });
  return { live: live.map(summarize), expired: expired.map(summarize) };
}
