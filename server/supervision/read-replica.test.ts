/**
 * The reports' read-only connection (DATABASE_READ_URL), tried against the same server as the primary, as the issue
 * asks: it reads what the primary wrote, answers the reports' queries with the same figures, and cannot write.
 */
import { count, sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, departments } from "@/db/schema";
import { proofAnswers } from "@/seed/sample-answers";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { computePublicStatistics } from "@/server/statistics/compute-public-statistics";
import { computeSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { openDatabase, type TDatabaseHandle } from "@/db/client";

describe.runIf(process.env.TEST_DATABASE_URL)("the reports' read-only connection on postgresql", () => {
  let world: TWorld;
  let reader: TDatabaseHandle;
  beforeAll(async () => {
    world = await openSeededWorld("postgresql", { poolSize: 4 });
    reader = openDatabase({ kind: "postgresql", url: world.url!, poolSize: 2, readOnly: true });
  });
  afterAll(async () => {
    await reader?.close();
    await world?.drop();
  });

  it("reads what the primary committed and gives the reports the same figures", async () => {
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    const [[written], [read]] = await Promise.all([world.db.select({ n: count() }).from(cases), reader.db.select({ n: count() }).from(cases)]);
    expect(read.n).toBe(written.n);
    expect(read.n).toBeGreaterThan(0);

    const supervisor = await world.actorOf("supervisor");
    const now = new Date();
    const range = { from: "2026-01-01", to: "2026-12-31" };
    const options = { actor: supervisor, range, group: "department" as const, now };
    // Closed days not yet counted are counted on the primary; the reader reads them, and nothing else is written.
    expect(await computeSupervisionFigures({ ...options, db: reader.db, primary: world.db })).toEqual(await computeSupervisionFigures({ ...options, db: world.db }));
    expect(await computePublicStatistics({ db: reader.db, primary: world.db, group: "service", now })).toEqual(await computePublicStatistics({ db: world.db, group: "service", now }));
  });

  it("runs without PostgreSQL's JIT compiler, on the primary's pool and the reports' alike", async () => {
    // JIT spent 1.5 s compiling a dashboard query that runs in 80 ms (docs/BENCHMARKS.md, supervision at scale).
    for (const db of [world.db, reader.db]) {
      const [row] = await executeRows<{ jit: string }>(db, sql`select current_setting('jit') as jit`);
      expect(row.jit).toBe("off");
    }
  });

  it("cannot write, even though it reaches the primary itself", async () => {
    const attempt = reader.db.insert(departments).values({ code: "READONLY", name: { "zh-Hans": "只读", "zh-Hant": "唯讀", en: "Read only" }, shortName: { "zh-Hans": "只读", "zh-Hant": "唯讀", en: "RO" } });
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: "25006" }) });
  });
});
