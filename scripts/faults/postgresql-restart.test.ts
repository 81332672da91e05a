/**
 * PostgreSQL restarted under load (a server of this test's own, e2e/private-postgresql.ts): a process submits through
 * the one intake path, 8 at a time, without pause (submit-through-restart.ts); once it has acknowledged 30, the test
 * stops PostgreSQL (fast shutdown: open transactions are cut off), lets the submitter meet the outage, and starts it
 * again. Then: every failure said "the database cannot be reached" (what a page turns into a 503, db/availability.ts),
 * the same process — its pool never reopened — acknowledges 30 more, and every acknowledged submission is in the
 * database complete, none half-written. `npm run test:soak` restarts it SOAK_RESTARTS times (5) instead of once.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/seed/seed-demo";
import { startPrivatePostgresql, type TPrivatePostgresql } from "../../e2e/private-postgresql";
import { damageOnly, findIncompleteSubmissions, noDamage } from "./find-incomplete-submissions";

const port = Number(process.env.RESTART_POSTGRES_PORT ?? 5497);
const before = 30;
const after = 30;
/** How many times PostgreSQL goes down and comes back in one run. */
const restarts = Number(process.env.SOAK_RESTARTS ?? 1);

describe("PostgreSQL restarted while applications are submitted", () => {
  let postgresql: TPrivatePostgresql | undefined;
  afterAll(() => postgresql?.destroy());

  it(`keeps every acknowledged submission through ${restarts} restart(s), fails the others as unavailable, and recovers without restarting the app`, { timeout: 180_000 * restarts }, async () => {
    postgresql = await startPrivatePostgresql({ port });
    const setup = openDatabase({ kind: "postgresql", url: postgresql.url, poolSize: 2 });
    await migrateDatabase(setup);
    await seedDemo(setup.db);
    await setup.close();

    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "faults", "submit-through-restart.ts")], {
      env: { ...process.env, DATABASE_URL: postgresql.url, DATABASE_POOL_SIZE: "4", WORKERS: "8", DATA_DIR: "" },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let phase: "before" | "down" | "after" | "finished" = "before";
    let acknowledgedAfter = 0;
    let failuresWhenStopped = 0;
    let done = 0;
    for await (const line of readline.createInterface({ input: child.stdout! })) {
      if (line.startsWith("ack ")) {
        acknowledged.push(line.slice(4));
        if (phase === "after") acknowledgedAfter += 1;
      } else if (line.startsWith("fail ")) {
        failures.push(line.slice(5));
      }
      if (phase === "before" && acknowledged.length >= before * (done + 1) + after * done) {
        postgresql.stop();
        failuresWhenStopped = failures.length;
        phase = "down";
      } else if (phase === "down" && failures.slice(failuresWhenStopped).filter((failure) => failure === "unavailable").length >= 8) {
        // Every worker has met the outage (or one has, eight times): bring it back.
        postgresql.start();
        phase = "after";
        acknowledgedAfter = 0;
      } else if (phase === "after" && acknowledgedAfter >= after) {
        done += 1;
        phase = done < restarts ? "before" : "finished";
        if (phase === "finished") child.stdin!.end();
      }
      if (line === "done") break;
    }
    expect(done).toBe(restarts);
    expect(acknowledgedAfter).toBeGreaterThanOrEqual(after);
    // Nothing but "cannot reach the database" while it was away: a page would have said 503, try again.
    expect(failures.filter((failure) => failure !== "unavailable")).toEqual([]);
    expect(failures.length).toBeGreaterThanOrEqual(8);

    const check = openDatabase({ kind: "postgresql", url: postgresql.url, poolSize: 2 });
    try {
      const found = await findIncompleteSubmissions({ db: check.db, acknowledged });
      expect(damageOnly(found)).toEqual(noDamage);
    } finally {
      await check.close();
    }
  });
});
