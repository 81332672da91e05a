/**
 * A user name with a control character is a wrong name, refused like any other, before any query: a NUL in it was a
 * database error that Auth.js logged with its query and turned into "wrong user name or password".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));

import { signInAction } from "./actions";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { DEMO_PASSWORD, seedUser } from "@/seed/factories";
import { callAs, formDataOf, useTestDatabase } from "@/server/testing/call-action";

describe.each(testDatabaseKinds)("signing in with a hostile user name on %s", (kind) => {
  let world: TTestDatabase;
  beforeAll(async () => {
    world = await openTestDatabase(kind);
    await seedUser(world.db, { username: "citizen", role: "citizen", displayName: "张三" });
    useTestDatabase(world);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it.each(["citizen\u0000", "\u0000", "citizen\u001b[2J", "citi\u0085zen"])("refuses %j as a wrong name, without a database error", async (username) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { outcome, writes } = await callAs(world, null, () => signInAction({}, formDataOf({ username, password: DEMO_PASSWORD })));
    expect(outcome).toEqual({ kind: "returned", value: { error: "invalid:sign-in", username: username.trim() } });
    expect(writes).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("still signs in with the right name", async () => {
    const { outcome } = await callAs(world, null, () => signInAction({}, formDataOf({ username: "citizen", password: DEMO_PASSWORD })));
    expect(outcome).toEqual({ kind: "redirect", location: "/me" });
  });
});
