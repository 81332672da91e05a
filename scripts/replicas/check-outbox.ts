/**
 * Every outbox message delivered once, with both replicas' outbox workers running: once the outbox is drained,
 * each e-mailed copy the database records as sent (inbox_reads.emailed_at) arrived at the mail server exactly once,
 * by its Message-ID (made of the outbox row and the person, server/notifications/deliver-outbox.ts); nothing
 * arrived that is not recorded; and no row marked delivered since the accounts were given addresses left out a
 * recipient who has one.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import type { TCaught } from "./mail-catcher";

export type TOutboxOutcome = { ok: boolean; lines: string[] };

/** Waits until no row is due or being e-mailed (every one delivered or dead), at most `timeoutMs`. */
export async function waitForDrainedOutbox(db: TDatabase, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ waiting }] = await executeRows<{ waiting: number }>(db, sql`select count(*)::int as waiting from outbox where delivered_at is null and dead_at is null`);
    if (waiting === 0 || Date.now() > deadline) return waiting;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export async function checkOutboxDelivery({ db, caught, addressesSince, domain }: { db: TDatabase; caught: TCaught[]; addressesSince: Date; domain: string }): Promise<TOutboxOutcome> {
  const lines: string[] = [];
  const waiting = await waitForDrainedOutbox(db, 120_000);
  const [totals] = await executeRows<{ rows: number; delivered: number; dead: number }>(
    db,
    sql`select count(*)::int as rows, count(delivered_at)::int as delivered, count(dead_at)::int as dead from outbox`,
  );
  const recorded = await executeRows<{ outbox_id: number; user_id: string }>(
    db,
    sql`select m.outbox_id, r.user_id from inbox_reads r join inbox_messages m on m.id = r.message_id where r.emailed_at is not null`,
  );
  // Delivered since the accounts had addresses, yet a recipient with an address has no e-mailed copy recorded.
  const leftOut = await executeRows<{ outbox_id: number }>(
    db,
    sql`select o.id as outbox_id from outbox o
        join inbox_messages m on m.outbox_id = o.id
        left join company_members cm on cm.company_id = o.company_id
        join users u on u.id = coalesce(o.recipient_id, cm.user_id)
        left join inbox_reads r on r.message_id = m.id and r.user_id = u.id
        where o.delivered_at is not null and o.created_at >= ${addressesSince.toISOString()}::timestamptz
          and u.email is not null and r.emailed_at is null`,
  );

  const expected = new Set(recorded.map((row) => `<onedoor-outbox-${row.outbox_id}-${row.user_id}@${domain}>`));
  const arrivals = new Map<string, number>();
  for (const message of caught) arrivals.set(message.messageId, (arrivals.get(message.messageId) ?? 0) + 1);
  const twice = [...arrivals].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  const unrecorded = [...arrivals.keys()].filter((id) => !expected.has(id));
  const missing = [...expected].filter((id) => !arrivals.has(id));
  const byReplica = new Map<string, number>();
  for (const message of caught) byReplica.set(message.greeting, (byReplica.get(message.greeting) ?? 0) + 1);

  lines.push(`outbox: ${totals.rows} rows, ${totals.delivered} delivered, ${totals.dead} dead, ${waiting} still waiting`);
  if (waiting > 0) {
    // Why they wait: the attempts so far and the last error of each kind.
    const reasons = await executeRows<{ attempts: number; last_error: string | null; rows: number }>(
      db,
      sql`select attempts, last_error, count(*)::int as rows from outbox where delivered_at is null and dead_at is null group by 1, 2 order by 3 desc limit 5`,
    );
    for (const reason of reasons) lines.push(`  waiting: ${reason.rows} after ${reason.attempts} attempts, last error: ${reason.last_error ?? "none"}`);
  }
  lines.push(`e-mails: ${expected.size} copies recorded as sent, ${caught.length} arrived (${arrivals.size} distinct); sent by ${[...byReplica].map(([name, n]) => `${name} ×${n}`).join(", ") || "nobody"}`);
  lines.push(`  twice: ${twice.length}, arrived but not recorded: ${unrecorded.length}, recorded but never arrived: ${missing.length}, delivered rows that left out an addressee: ${leftOut.length}`);
  for (const [label, list] of [["twice", twice], ["not recorded", unrecorded], ["missing", missing], ["left out (outbox ids)", leftOut.map((row) => String(row.outbox_id))]] as const) {
    if (list.length > 0) lines.push(`  ${label}: ${list.slice(0, 10).join(", ")}${list.length > 10 ? ` … (${list.length})` : ""}`);
  }
  const bothSent = byReplica.size >= 2;
  if (!bothSent) lines.push("  only one replica's worker sent mail: this does not show two workers sharing the outbox");
  const ok = waiting === 0 && totals.dead === 0 && expected.size > 0 && twice.length === 0 && unrecorded.length === 0 && missing.length === 0 && leftOut.length === 0 && bothSent;
  return { ok, lines };
}
