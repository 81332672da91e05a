import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { loadActor } from "./actor";
import { hashPassword } from "./password";
import { revokeSessions } from "./revoke-sessions";

describe.each(testDatabaseKinds)("session revocation on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const userNamed = async (username: string) => {
    const [user] = await world.db.select().from(users).where(eq(users.username, username));
    return user;
  };

  it("refuses a session issued under an earlier version once the person signs out", async () => {
    const citizen = await userNamed("citizen");
    const issuedUnder = { sessionVersion: citizen.sessionVersion };
    expect(await loadActor(world.db, citizen.id, issuedUnder)).toMatchObject({ username: "citizen" });

    await revokeSessions({ db: world.db, userId: citizen.id });

    expect(await loadActor(world.db, citizen.id, issuedUnder)).toBeNull();
    expect(await loadActor(world.db, citizen.id, { sessionVersion: citizen.sessionVersion + 1 })).toMatchObject({ username: "citizen" });
  });

  it("revokes a person's sessions whenever their role, department or password changes, whoever writes it", async () => {
    const clerk = await userNamed("clerk-amr");
    const [fire] = await world.db.select().from(departments).where(eq(departments.code, "FIRE"));
    const versionAfter = async (change: Partial<typeof users.$inferInsert>) => {
      await world.db.update(users).set(change).where(eq(users.id, clerk.id));
      return (await userNamed("clerk-amr")).sessionVersion;
    };
    const start = clerk.sessionVersion;
    expect(await versionAfter({ departmentId: fire.id })).toBe(start + 1);
    expect(await versionAfter({ role: "supervisor" })).toBe(start + 2);
    expect(await versionAfter({ passwordHash: await hashPassword("a new password") })).toBe(start + 3);
    expect(await loadActor(world.db, clerk.id, { sessionVersion: start })).toBeNull();
  });

  it("leaves sessions alone when nothing they were granted on changes", async () => {
    const supervisor = await userNamed("supervisor");
    await world.db.update(users).set({ displayName: "新名字", email: "s@example.org" }).where(eq(users.id, supervisor.id));
    await world.db.update(users).set({ role: supervisor.role, departmentId: supervisor.departmentId }).where(eq(users.id, supervisor.id));
    expect((await userNamed("supervisor")).sessionVersion).toBe(supervisor.sessionVersion);
    expect(await loadActor(world.db, supervisor.id, { sessionVersion: supervisor.sessionVersion })).toMatchObject({ displayName: "新名字" });
  });
});
