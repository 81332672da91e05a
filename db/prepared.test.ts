import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { departments, users } from "./schema";
import { executeRows } from "./execute-rows";
import { prepareStatement } from "./prepared";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "./testing";

// One statement per test name, as in the code: a name stays bound to one SQL text.
const findUserWithDepartment = prepareStatement<{ username: string }, ReturnType<typeof buildFind>>("test.find-user-with-department", buildFind);
function buildFind(db: TTestDatabase["db"]) {
  return db
    .select({ id: users.id, role: users.role, department: { code: departments.code, name: departments.name } })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.username, sql.placeholder("username")));
}
const insertDepartment = prepareStatement<{ code: string; name: TLocalizedText; toldAt: Date | null }, ReturnType<typeof buildInsert>>("test.insert-department", buildInsert);
function buildInsert(db: TTestDatabase["db"]) {
  return db
    .insert(departments)
    .values({ code: sql.placeholder("code"), name: sql.placeholder("name"), shortName: sql.placeholder("name"), newTasksToldAt: sql.placeholder("toldAt") })
    .returning({ id: departments.id, name: departments.name, toldAt: departments.newTasksToldAt });
}

const text = (en: string, zh = en): TLocalizedText => ({ "zh-Hans": zh, "zh-Hant": zh, en });

describe.each(testDatabaseKinds)("a prebuilt statement on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const [department] = await database.db.insert(departments).values({ code: "PREP", name: text("Prepared"), shortName: text("P") }).returning();
    await database.db.insert(users).values([
      { username: "prep-clerk", displayName: "Clerk", role: "clerk", departmentId: department.id },
      { username: "prep-citizen", displayName: "Citizen", role: "citizen" },
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("maps rows as the same query unprepared does, a left join's missing side included", async () => {
    const { db } = database;
    for (const username of ["prep-clerk", "prep-citizen", "nobody"]) {
      expect(await findUserWithDepartment(db, { username })).toEqual(await buildFind(db).execute({ username }));
    }
    expect(await findUserWithDepartment(db, { username: "prep-citizen" })).toEqual([{ id: expect.any(String), role: "citizen", department: null }]);
  });

  it("encodes a placeholder by its column, as a plain value would be (jsonb, a timestamp), and passes null as null", async () => {
    const code = `P-${randomUUID().slice(0, 8)}`;
    const toldAt = new Date("2026-03-04T05:06:07.000Z");
    const [row] = await insertDepartment(database.db, { code, name: text("Encoded", "编码"), toldAt });
    expect(row).toMatchObject({ name: text("Encoded", "编码"), toldAt });
    const [stored] = await database.db.select({ name: departments.name, toldAt: departments.newTasksToldAt }).from(departments).where(eq(departments.code, code));
    expect(stored).toEqual({ name: text("Encoded", "编码"), toldAt });
    const [untold] = await insertDepartment(database.db, { code: `${code}-2`, name: text("Untold"), toldAt: null });
    expect(untold.toldAt).toBeNull();
  });

  it("runs inside the transaction it is given: sees its uncommitted rows, and they go with its rollback", async () => {
    const { db } = database;
    const code = `P-${randomUUID().slice(0, 8)}`;
    const rollback = new Error("roll back");
    await expect(
      db.transaction(async (tx) => {
        const [created] = await insertDepartment(tx, { code, name: text("Uncommitted"), toldAt: null });
        await tx.insert(users).values({ username: `prep-${code}`, displayName: "In the transaction", role: "clerk", departmentId: created.id });
        // Built once above on `db`; run here on the transaction (on PGlite, running on the outer client would
        // wait for the transaction to end, and this would hang).
        const [found] = await findUserWithDepartment(tx, { username: `prep-${code}` });
        expect(found.department).toEqual({ code, name: text("Uncommitted") });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await findUserWithDepartment(db, { username: `prep-${code}` })).toEqual([]);
    expect(await db.select().from(departments).where(eq(departments.code, code))).toEqual([]);
  });

  if (kind === "postgresql") {
    it("is a named statement on the transaction's own connection", async () => {
      await database.db.transaction(async (tx) => {
        await findUserWithDepartment(tx, { username: "prep-clerk" });
        const rows = await executeRows<{ name: string }>(tx, sql`select name from pg_prepared_statements where name = 'test.find-user-with-department'`);
        expect(rows).toEqual([{ name: "test.find-user-with-department" }]);
      });
    });
  }
});
