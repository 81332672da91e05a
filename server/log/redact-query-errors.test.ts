/**
 * A failed insert with an ID number in it, through the real intake use case on both databases: neither the error
 * as anything would print it (util.inspect, which console.error and Next's error handler use) nor what the logger
 * writes of it holds the ID number, the answers or the failing row.
 */
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { submitApplication } from "@/server/intake/submit-application";
import { createLogger } from "@/server/log/logger";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { installQueryErrorRedaction } from "@/db/redact-query-errors";

const idNumber = "310104198803124016";

describe.each(testDatabaseKinds)("a failed query's error on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    installQueryErrorRedaction();
    world = await openSeededWorld(kind);
    // Every new case is refused by the database, with the failing row (its answers) in the error's detail.
    await world.db.execute(sql`alter table cases add constraint refuse_every_case check (false) not valid`);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("keeps the SQL and the database's reason, and loses the values: in what is printed and in what is logged", async () => {
    const failure = await submitApplication({
      db: world.db,
      actor: await world.actorOf("citizen"),
      subjectCode: "HRSS-PROOF",
      rawAnswers: proofAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
      now: new Date(),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);

    const printed = inspect(failure, { depth: 10 });
    const lines: string[] = [];
    const logger = createLogger(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    logger.error({ err: failure }, "submit failed");
    logger.error(failure as Error);
    const logged = lines.join("");

    for (const output of [printed, logged]) {
      expect(output).toMatch(/insert into \\?"cases\\?"/);
      expect(output).toContain("refuse_every_case");
      expect(output).toMatch(/params: \[redacted\] \(\d+ value\(s\)\)/);
      expect(output).not.toContain(idNumber);
      expect(output).not.toContain("Failing row contains");
      expect(output).not.toContain("home-purchase");
    }
    expect(JSON.parse(lines[0])).toMatchObject({ level: 50, msg: "submit failed", err: { type: expect.any(String), cause: { code: "23514", constraint: "refuse_every_case" } } });
  });
});
