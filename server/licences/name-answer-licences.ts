/**
 * The names of the wallet e-licences an application's answers use as materials, by licence id, worded as the
 * wizard's material field offers them (message fields.walletLicence: "Business licence, number 3101…"), so the
 * check page, the tracker and the desk name a licence the same way. The caller has already been allowed to see the
 * answers; a licence's title and number are no more than /verify shows anyone holding its id.
 */
import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licences } from "@/db/schema";
import { localize, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Licence ids referenced by material answers: `[{ kind: "licence", licenceId }]` (materials are never inside groups). */
export function licenceIdsOf(answers: Record<string, unknown>): string[] {
  const ids = Object.values(answers).flatMap((value) =>
    Array.isArray(value)
      ? value.flatMap((ref) => (ref?.kind === "licence" && typeof ref.licenceId === "string" && uuidPattern.test(ref.licenceId) ? [ref.licenceId] : []))
      : [],
  );
  return [...new Set(ids)];
}

export async function nameAnswerLicences(options: { db: TDatabase; answers: Record<string, unknown>; locale: Locale }): Promise<Record<string, string>> {
  const { db, answers, locale } = options;
  const ids = licenceIdsOf(answers);
  if (ids.length === 0) return {};
  const rows = await db.select({ id: licences.id, title: licences.title, number: licences.number }).from(licences).where(inArray(licences.id, ids));
  const t = translatorFor(locale);
  return Object.fromEntries(rows.map((row) => [row.id, t("fields.walletLicence", { title: localize(row.title, locale), number: row.number })]));
}
