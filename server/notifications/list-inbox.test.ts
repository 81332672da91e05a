/**
 * The inbox's `before` comes from the address: on both databases, any cursor the inbox did not write — garbage, the
 * old text-timestamp form with an impossible date (a 500 before), a NUL — shows the newest page and is not carried
 * on; one it wrote pages on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { encodeCursor } from "@/lib/http/keyset-cursor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { deliverOutbox } from "./deliver-outbox";
import { enqueueNotification } from "./enqueue-notification";
import { listInbox } from "./list-inbox";
import { databaseNow } from "@/server/testing/database-now";

const service = { "zh-Hans": "社会保险参保缴费证明", "zh-Hant": "社會保險參保繳費證明", en: "Social insurance contribution certificate" };
const anId = "0b9e6a4c-2f1d-4c8e-9a51-3d2f7c1b8e00";

describe.each(testDatabaseKinds)("inbox cursors on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("shows the newest page for a cursor it did not write, and pages on with one it did", async () => {
    const citizen = await world.actorOf("citizen");
    await world.db.transaction(async (tx) => {
      for (let n = 1; n <= 5; n += 1) await enqueueNotification(tx, { recipientIds: [citizen.id], topic: "task-approved", params: { caseNumber: `OD-CURSOR-${n}`, service } });
    });
    await deliverOutbox({ db: world.db, now: databaseNow() });
    const newest = await listInbox({ db: world.db, actor: citizen, locale: "en", limit: 2 });
    expect(newest.before).toBeNull();
    expect(newest.olderCursor).not.toBeNull();

    const forged: unknown[] = [
      "x",
      "%%%",
      "\u0000",
      "A".repeat(5000),
      ["a", "b"],
      Buffer.from(JSON.stringify(["2026-99-99 99:99:99+00", anId])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-03-01 10:00:00+08", anId])).toString("base64url"),
      encodeCursor(["99999999999999999999", anId]),
      encodeCursor(["1795000000000000", "not-a-uuid"]),
      encodeCursor({ view: "done", key: "1795000000000000", id: anId }),
    ];
    for (const before of forged) {
      expect(await listInbox({ db: world.db, actor: citizen, locale: "en", limit: 2, before: before as string }), String(before).slice(0, 40)).toEqual(newest);
    }

    const older = await listInbox({ db: world.db, actor: citizen, locale: "en", limit: 2, before: newest.olderCursor! });
    expect(older.before).toBe(newest.olderCursor);
    expect(older.messages.map((message) => message.id)).not.toContain(newest.messages[0].id);
  });
});
