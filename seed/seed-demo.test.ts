/**
 * Replicas started together on an empty database run setup together: each asks whether to seed the demo data, and
 * exactly one seeds it — the other waits for it and finds the accounts, instead of failing on a duplicate key (which
 * stopped its `npm start`). On PostgreSQL through two separate pools, as two processes would; on PGlite too.
 */
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { seedDemo, seedDemoIfEmpty } from "./seed-demo";

describe.each(testDatabaseKinds)("seeding the demo data on %s", (kind) => {
  const opened: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });

  it("seeds once when two setups ask at the same time, and never again", { timeout: 60_000 }, async () => {
    const database: TTestDatabase = await openTestDatabase(kind);
    opened.push(database.drop);
    let other: TDatabaseHandle = database;
    if (kind === "postgresql") {
      other = openDatabase({ kind: "postgresql", url: database.url!, poolSize: 2 });
      opened.push(other.close);
    }
    const outcomes = await Promise.all([seedDemoIfEmpty(database.db), seedDemoIfEmpty(other.db)]);
    expect(outcomes.sort()).toEqual([false, true]);

    // As many accounts as one seed makes: a second seed into its own empty database counts them.
    const reference = await openTestDatabase("pglite");
    opened.push(reference.drop);
    await seedDemo(reference.db);
    const [[seeded], [once]] = await Promise.all([database.db.select({ count: count() }).from(users), reference.db.select({ count: count() }).from(users)]);
    expect(seeded.count).toBe(once.count);
    expect(await seedDemoIfEmpty(other.db)).toBe(false);
  });
});
