/**
 * kill -9 during a burst of submissions loses no acknowledged one and leaves none half-written: a process starts 500
 * submissions at once through the one intake path (submit-until-killed.ts) and is killed with SIGKILL once 100 are
 * acknowledged; the database, opened again, holds every acknowledged case complete — its tasks, its trail unbroken,
 * the licence of an instant approval — and no case without tasks or trail, nor a task or licence without its case.
 * On PGlite on disk (the default setup: the killed process's DATA_DIR lock is taken over) and on PostgreSQL.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { caseEvents, licences, tasks } from "@/db/schema";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { seedDemo } from "@/seed/seed-demo";
import { damageOnly, findIncompleteSubmissions, noDamage } from "./find-incomplete-submissions";

/** `npm run test:soak` starts SOAK_SUBMISSIONS (5,000) at once instead of 500; the kill comes after a fifth. */
const batch = Number(process.env.SOAK_SUBMISSIONS ?? 500);
const killAfter = Math.floor(batch / 5);

/**
 * Runs the submitter until it has acknowledged `killAfter` cases, one instant approval among them at least, and kills
 * it with SIGKILL; the acknowledged numbers. (Which kind is acknowledged first depends on how many reads each makes
 * before its transaction: on PostgreSQL all the bundles may come before the first instant approval.)
 */
async function submitUntilKilled(env: Record<string, string>): Promise<string[]> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "faults", "submit-until-killed.ts")], {
    env: { ...process.env, ...env, BATCH: String(batch) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const acknowledged: string[] = [];
  let instant = 0;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  for await (const line of readline.createInterface({ input: child.stdout })) {
    if (line.startsWith("ack ")) {
      const [, number, kind] = line.split(" ");
      acknowledged.push(number);
      if (kind === "instant") instant++;
      if (acknowledged.length >= killAfter && instant > 0 && !child.killed) child.kill("SIGKILL");
    }
    if (line === "done") break;
  }
  expect(await exited).toBe("SIGKILL");
  return acknowledged;
}

async function expectCompleteAndNothingPartial(handle: TDatabaseHandle, acknowledged: string[]) {
  const { db } = handle;
  expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
  const found = await findIncompleteSubmissions({ db, acknowledged });
  expect(damageOnly(found)).toEqual(noDamage);
  // The kill came half-way: fewer cases than were started exist (otherwise nothing was cut short).
  expect(found.cases).toBeLessThan(batch);
  // An instant approval is all or nothing: approved with its licence, in the same transaction as the case.
  const [instant] = await db.select({ count: count() }).from(licences).innerJoin(tasks, eq(tasks.id, licences.taskId));
  expect(instant.count).toBeGreaterThan(0);
  const [events] = await db.select({ count: count() }).from(caseEvents);
  expect(events.count).toBeGreaterThanOrEqual(found.cases);
}

describe.each(testDatabaseKinds)("kill -9 during %s submissions", (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`keeps every acknowledged submission of ${batch} started at once, complete, and none half-written`, { timeout: 180_000 * Math.max(1, batch / 500) }, async () => {
    let env: Record<string, string>;
    let reopen: () => TDatabaseHandle;
    if (kind === "pglite") {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-crash-"));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const setup = openDatabase({ kind: "pglite", dataDir });
      await migrateDatabase(setup);
      await seedDemo(setup.db);
      await setup.close();
      env = { DATA_DIR: dataDir };
      reopen = () => openDatabase({ kind: "pglite", dataDir });
    } else {
      const database: TTestDatabase = await openTestDatabase("postgresql");
      cleanups.push(database.drop);
      await seedDemo(database.db);
      env = { DATABASE_URL: database.url!, PUBLIC_BASE_URL: "https://onedoor.example" };
      reopen = () => openDatabase({ kind: "postgresql", url: database.url!, poolSize: 2 });
    }
    const acknowledged = await submitUntilKilled(env);
    const handle = reopen();
    try {
      await expectCompleteAndNothingPartial(handle, acknowledged);
    } finally {
      await handle.close();
    }
  });
});
