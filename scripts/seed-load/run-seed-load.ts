/** The load itself, for the command and its test: the applicant pool grown, `cases` cases added, tables analysed. */
import { sql } from "drizzle-orm";
import type { TDatabaseHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { getActiveSigningKey, publishSigningKey } from "@/server/licences/signing-keys";
import { ensureApplicantPool, loadApplicants } from "./applicants";
import { loadCases } from "./load-cases";
import { dayOf } from "./plan-case";
import { loadReference } from "./reference";

export const defaultSeed = "onedoor";

export type TSeedLoadOptions = {
  handle: TDatabaseHandle;
  cases: number;
  seed?: string;
  /** The moment the data is "as of"; fixed in tests so a run is repeatable to the row. */
  now?: Date;
  batchSize?: number;
  log?: (line: string) => void;
};

export async function runSeedLoad(options: TSeedLoadOptions) {
  const { handle, cases: count, seed = defaultSeed, now = new Date(), log = () => {} } = options;
  const pool = handle.pool;
  if (handle.kind !== "postgresql" || !pool) throw new Error("seed:load writes to PostgreSQL only (set DATABASE_URL); the embedded database is not for a million cases");
  const started = performance.now();
  const [{ loaded }] = await executeRows<{ loaded: number }>(handle.db, sql`select count(*)::int as loaded from cases where idempotency_key like 'seed-load:%'`);
  const total = loaded + count;
  const client = await pool.connect();
  try {
    const added = await ensureApplicantPool(client, { seed, citizens: Math.max(100, Math.ceil((total * 0.55) / 25)), companies: Math.max(40, Math.ceil((total * 0.45) / 40)), now });
    if (added.addedPeople + added.addedCompanies > 0) log(`seed:load: ${added.addedPeople} citizens and ${added.addedCompanies} companies added to the applicant pool`);
  } finally {
    client.release();
  }
  const applicants = await (async () => {
    const reader = await pool.connect();
    try {
      return await loadApplicants(reader);
    } finally {
      reader.release();
    }
  })();
  if (applicants.heavyCitizens[0]?.members[0] === undefined || applicants.heavyCompanies[0] === undefined) {
    throw new Error("seed:load adds to the demo data: the database holds data without the demo accounts (citizen, enterprise and its company); load into an empty database");
  }
  const reference = await loadReference(handle.db, dayOf(now));
  const signingKey = getActiveSigningKey();
  await publishSigningKey(handle.db, signingKey);
  log(`seed:load: adding ${count} cases after the ${loaded} loaded before (seed "${seed}", ${reference.subjects.length} services and bundles)`);

  let lastLog = 0;
  const totals = await loadCases({
    pool,
    reference,
    applicants,
    seed,
    firstIndex: loaded,
    count,
    now,
    signingKey,
    batchSize: options.batchSize,
    onProgress: (progress) => {
      const seconds = (performance.now() - started) / 1000;
      if (seconds - lastLog < 5 && progress.cases < count) return;
      lastLog = seconds;
      log(`seed:load: ${progress.cases}/${count} cases, ${progress.tasks} tasks, ${progress.events} trail events, ${progress.licences} licences, ${progress.documents} notices and decisions — ${Math.round(progress.cases / seconds)} cases/s`);
    },
  });
  const analyseStarted = performance.now();
  for (const table of ["users", "companies", "company_members", "cases", "tasks", "case_events", "supplement_requests", "licences", "case_documents", "document_number_counters", "ratings", "rating_follow_ups"]) {
    await pool.query(`analyze ${table}`);
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `seed:load: done in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} cases/s; waited ${totals.waitSeconds.toFixed(1)} s for PostgreSQL to write, analyse ${((performance.now() - analyseStarted) / 1000).toFixed(1)} s)`,
  );
  return { ...totals, seconds };
}
