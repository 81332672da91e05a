/**
 * The wallet (/me/licences): the licences the actor holds — their own, and those of every company they act for —
 * newest first, each with its state today (valid, revoked, expired), one page at a time.
 *
 * Keyset pages on (signed_at, id), both ways: `older` is the position of the last licence shown and gives the page
 * after it, `newer` the position of the first one shown and gives the page before it, so a company with thousands
 * of licences pages back and forth at the same cost however deep. Each holder (the person, each company) is read
 * on its own along licences_holder_user_idx / licences_holder_company_idx, at most a page and one each, and the
 * pages are merged here: an OR of the holders would read and sort every licence they hold. A cursor that does not
 * parse gives the first page.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { licences } from "@/db/schema";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { licenceStateOn, type TLicenceState } from "@/lib/licences/validity";
import type { TActor } from "@/server/auth/actor";

export const WALLET_PAGE_SIZE = 20;

export type TWalletLicence = {
  id: string;
  number: string;
  title: TLocalizedText;
  holderName: string;
  /** Held by one of the actor's companies rather than the actor. */
  company: boolean;
  issuerName: TLocalizedText;
  validFrom: string;
  validUntil: string | null;
  state: TLicenceState;
  revokedAt: Date | null;
  revocationReason: string | null;
};

export type TWallet = {
  licences: TWalletLicence[];
  /** The address value of the page of newer licences, or null on the first page. */
  newer: string | null;
  /** The address value of the page of older licences, or null on the last page. */
  older: string | null;
};

const ZWalletCursor = z.object({ key: ZCursorInstant, id: ZCursorId });
type TWalletCursor = z.infer<typeof ZWalletCursor>;

export type TListMyLicencesOptions = {
  db: TDatabase;
  actor: TActor;
  today: string;
  /** The page of licences older than this position (a previous page's `older`). */
  older?: string | null;
  /** The page of licences newer than this position (a previous page's `newer`); `older` wins when both are given. */
  newer?: string | null;
  pageSize?: number;
};

export async function listMyLicences({ db, actor, today, older, newer, pageSize = WALLET_PAGE_SIZE }: TListMyLicencesOptions): Promise<TWallet> {
  const olderThan = decodeCursor(older, ZWalletCursor);
  const newerThan = olderThan ? null : decodeCursor(newer, ZWalletCursor);
  const position = olderThan ?? newerThan;
  const at = position ? sql`(timestamptz 'epoch' + ${position.key}::bigint * interval '1 microsecond', ${position.id}::uuid)` : undefined;
  const keyset = at ? (newerThan ? sql`(${licences.signedAt}, ${licences.id}) > ${at}` : sql`(${licences.signedAt}, ${licences.id}) < ${at}`) : undefined;
  // Reading newer licences walks up from the position (oldest first) and turns the page round afterwards.
  const order = newerThan ? [asc(licences.signedAt), asc(licences.id)] : [desc(licences.signedAt), desc(licences.id)];
  const holders: SQL[] = [eq(licences.holderUserId, actor.id), ...actor.companyIds.map((companyId) => eq(licences.holderCompanyId, companyId))];
  const branches = await Promise.all(
    holders.map((holder) =>
      db
        .select({
          id: licences.id,
          // The exact instant for the cursor: a JavaScript Date would drop PostgreSQL's microseconds.
          key: sql<string>`(extract(epoch from ${licences.signedAt}) * 1000000)::bigint::text`,
          number: licences.number,
          title: licences.title,
          holderName: licences.holderName,
          holderCompanyId: licences.holderCompanyId,
          issuerName: licences.issuerName,
          validFrom: licences.validFrom,
          validUntil: licences.validUntil,
          revokedAt: licences.revokedAt,
          revocationReason: licences.revocationReason,
        })
        .from(licences)
        .where(and(holder, keyset))
        .orderBy(...order)
        .limit(pageSize + 1),
    ),
  );
  // Newest first: by the instant (digits of equal length compare as numbers when padded), then by id.
  const sortKey = (row: { key: string; id: string }) => `${row.key.padStart(16, "0")}${row.id}`;
  const merged = branches.flat().sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0));
  const found = newerThan ? merged.slice(-(pageSize + 1)) : merged.slice(0, pageSize + 1);
  const more = found.length > pageSize;
  const page = newerThan ? found.slice(more ? 1 : 0) : found.slice(0, pageSize);
  const cursorOf = (row: (typeof page)[number] | undefined) => (row ? encodeCursor({ key: row.key, id: row.id } satisfies TWalletCursor) : null);
  return {
    licences: page.map(({ holderCompanyId, key: _key, ...row }) => ({ ...row, company: holderCompanyId !== null, state: licenceStateOn(row, today) })),
    // Coming from an older page there are newer ones (the page we came from); coming from a newer page, older ones.
    newer: position && (olderThan || more) ? cursorOf(page[0]) : null,
    older: newerThan || more ? cursorOf(page.at(-1)) : null,
  };
}
