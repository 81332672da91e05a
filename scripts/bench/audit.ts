/**
 * `npm run bench:audit`: how long audit:verify's verification of the chain takes over 1,000,000 records, on
 * PostgreSQL. Creates its own database beside BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * writes the records set-based (one INSERT … SELECT from generate_series), seals them with the app's sealer and signs
 * a checkpoint, then times the verification (server/audit/verify-audit-trail.ts: reading every record in position
 * order, recomputing every hash, checking the checkpoints and the case-event anchors) and, as a ceiling, SHA-256 over
 * the same bytes alone in a tight loop. Options (env): BENCH_RECORDS (default 1000000).
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { openTestDatabase } from "@/db/testing";
import { auditRowColumns, canonicalAuditRecord, type TAuditChainRow } from "@/server/audit/audit-record-hash";
import { makeCheckpoint } from "@/server/audit/make-checkpoint";
import { sealAuditRecords } from "@/server/audit/seal-audit-records";
import { verifyAuditTrail } from "@/server/audit/verify-audit-trail";
import { generateSigningKey } from "@/server/licences/signing-keys";

const recordCount = Number(process.env.BENCH_RECORDS ?? 1_000_000);
process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  const database = await openTestDatabase("postgresql", { poolSize: 2 });
  try {
    let started = performance.now();
    // Shaped like the trail's commonest rows: a clerk's act on a case, with a small jsonb of facts.
    await database.db.execute(sql`
      insert into audit_records (at, actor_id, actor_role, action, target_type, target_id, outcome, request_id, source_address, details)
      select timestamp with time zone '2026-01-01' + g * interval '37 milliseconds', gen_random_uuid(), 'clerk', 'case-event', 'task', gen_random_uuid()::text,
        'ok', md5(g::text), '198.51.100.' || (g % 250), jsonb_build_object('kind', 'task-claimed', 'eventId', g)
      from generate_series(1, ${recordCount}) g`);
    console.log(`wrote ${recordCount} records in ${seconds(performance.now() - started)} s`);
    started = performance.now();
    const { sealed } = await sealAuditRecords({ db: database.db, batchSize: 50_000 });
    await makeCheckpoint({ db: database.db, key: generateSigningKey() });
    await database.db.execute(sql`vacuum analyze audit_records`);
    console.log(`sealed ${sealed} records and signed a checkpoint in ${seconds(performance.now() - started)} s`);

    started = performance.now();
    const verification = await verifyAuditTrail({ db: database.db });
    const verifyMs = performance.now() - started;
    if (!verification.ok || verification.records !== recordCount) throw new Error(`verification failed: ${JSON.stringify(verification)}`);

    // The ceiling: the same bytes hashed, read and laid out beforehand a page at a time, only the hashing timed.
    let hashingMs = 0;
    let previous = "";
    for (let after = 0; after < recordCount; after += 50_000) {
      const rows = await executeRows<TAuditChainRow>(
        database.db,
        sql`select ${auditRowColumns} from audit_records where audit_records.position > ${after} order by audit_records.position limit 50000`,
      );
      const texts = rows.map((row) => canonicalAuditRecord(row.position!, row));
      const loop = performance.now();
      for (const text of texts) previous = createHash("sha256").update(`${previous}\n`).update(text).digest("hex");
      hashingMs += performance.now() - loop;
    }
    console.log(`verified ${recordCount} records in ${seconds(verifyMs)} s (hashing alone: ${seconds(hashingMs)} s)`);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
