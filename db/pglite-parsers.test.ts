import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { date, integer, interval, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, it } from "vitest";
import { executeRows } from "./execute-rows";
import { parseOnceForDrizzle } from "./pglite-parsers";

const samples = pgTable("samples", {
  id: integer("id").primaryKey(),
  day: date("day").notNull(),
  dayAsDate: date("day_as_date", { mode: "date" }).notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  atText: timestamp("at_text", { mode: "string" }).notNull(),
  span: interval("span").notNull(),
  amount: numeric("amount").notNull(),
  days: date("days").array().notNull(),
  note: text("note"),
});

const plain = new PGlite();
const once = parseOnceForDrizzle(new PGlite());
afterAll(async () => {
  await Promise.all([plain.close(), once.close()]);
});

async function everything(client: PGlite) {
  const db = drizzle({ client });
  await db.execute(sql`create table if not exists samples (id int primary key, day date not null, day_as_date date not null,
    at timestamptz not null, at_text timestamp not null, span interval not null, amount numeric not null, days date[] not null, note text)`);
  await db.execute(sql`truncate samples`);
  await db.insert(samples).values({
    id: 1,
    day: "2026-02-12",
    dayAsDate: new Date("2026-02-13T00:00:00Z"),
    at: new Date("2026-02-12T10:00:00.123Z"),
    atText: "2026-02-12 10:00:00",
    span: "3 days",
    amount: "12.50",
    days: ["2026-02-14", "2026-02-15"],
    note: null,
  });
  const viaBuilder = await db.select().from(samples);
  const viaTransaction = await db.transaction((tx) => tx.select().from(samples));
  const raw = await executeRows(
    db as never,
    sql`select day, at, span, days, array[at] as ats, array[span] as spans, array[amount] as amounts, amount, now() - now() as zero from samples`,
  );
  return { viaBuilder, viaTransaction, raw };
}

describe("drizzle's type parsers given to PGlite once", () => {
  it("gives the same results as a client that gets them with every query", async () => {
    const expected = await everything(plain);
    expect(await everything(once)).toEqual(expected);
    expect(expected.viaBuilder[0]).toMatchObject({ day: "2026-02-12", at: new Date("2026-02-12T10:00:00.123Z"), days: ["2026-02-14", "2026-02-15"] });
  });

  it("has the client's own queries, outside drizzle, get those types as text too", async () => {
    const { rows } = await once.query("select day, at, days from samples");
    expect(rows).toEqual([{ day: "2026-02-12", at: "2026-02-12 10:00:00.123+00", days: "{2026-02-14,2026-02-15}" }]);
  });
});
