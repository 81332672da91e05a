import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { admitSignInAttempt, waitSecondsAfter } from "./sign-in-throttle";

describe("waitSecondsAfter", () => {
  it("waits 1 minute after the allowance is used up, doubling to at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(waitSecondsAfter)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});

describe.each(testDatabaseKinds)("admitSignInAttempt on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("admits exactly the allowance of a burst arriving at once, as from many replicas sharing the table", async () => {
    const scopes = [{ key: "account:burst", freeFailures: 5 }];
    const admissions = await Promise.all(Array.from({ length: 40 }, () => admitSignInAttempt({ db: database.db, scopes })));
    expect(admissions.filter((admission) => admission.admitted)).toHaveLength(5);
  });
});
