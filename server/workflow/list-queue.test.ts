import { desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { addDays } from "@/lib/calendar/working-days";
import { deadlineState } from "@/lib/workflow/deadline-state";
import { loadActor, type TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { encodeQueueCursor, listQueue, queueViews, type TQueueView } from "./list-queue";

// Monday 23 November 2026, 10:00 in Beijing.
const monday = new Date("2026-11-23T02:00:00Z");

describe.each(testDatabaseKinds)("the department queue on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** Every row of a view, page after page, with the cursors the pages handed out. */
  async function readAll(actor: TActor, view: TQueueView, now = monday) {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await listQueue({ db: world.db, actor, view, cursor, now });
      if (!page.ok) throw new Error(page.code);
      ids.push(...page.rows.map((row) => row.id));
      pageSizes.push(page.rows.length);
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, pageSizes };
  }

  it("puts each task in the views it belongs to, with what a row shows, and counts them", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-urban");
    const user = await seedUser(db, { username: "urban-colleague", role: "clerk", displayName: "韩雪", departmentCode: "URBAN" });
    const colleague = (await loadActor(db, user.id))!;
    const seed = async (status: Parameters<typeof seedQueueTasks>[1]["status"], dueDate: string) =>
      (await seedQueueTasks(db, { departmentCode: "URBAN", count: 1, status, firstDueDate: dueDate }))[0];
    const onTime = await seed("waiting", "2026-12-10");
    const dueToday = await seed("waiting", "2026-11-23");
    const late = await seed("waiting", "2026-11-20");
    const mineSoon = await seed("accepted", "2026-11-25");
    const colleagues = await seed("waiting", "2026-12-01");
    const waitingLate = await seed("supplement-requested", "2026-11-02");
    const pending = await seed("pending", "2026-11-24");
    const decided = await seed("approved", "2026-11-20");
    await db.update(tasks).set({ decidedAt: new Date("2026-11-20T03:00:00Z") }).where(eq(tasks.id, decided));
    for (const [actor, taskId] of [[clerk, mineSoon], [colleague, colleagues]] as const) {
      expect(await claimTask({ db, actor, taskId })).toMatchObject({ ok: true });
    }
    // Another department's overdue task is never in this queue.
    await seedQueueTasks(db, { departmentCode: "FIRE", count: 2, firstDueDate: "2026-11-01" });

    const expected: Record<TQueueView, string[]> = {
      unclaimed: [late, dueToday, onTime],
      mine: [mineSoon],
      waiting: [waitingLate],
      "soon-due": [dueToday, mineSoon],
      overdue: [late],
      done: [decided],
      // Every task that reached the department, soonest due first (late and decided share a date: by id).
      all: (
        await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(inArray(tasks.id, [late, dueToday, onTime, mineSoon, colleagues, waitingLate, decided]))
          .orderBy(tasks.dueDate, tasks.id)
      ).map((row) => row.id),
    };
    for (const view of queueViews) {
      const page = await listQueue({ db, actor: clerk, view, now: monday });
      if (!page.ok) throw new Error(page.code);
      expect(page.rows.map((row) => row.id), view).toEqual(expected[view]);
      expect(page.counts).toEqual(Object.fromEntries(queueViews.map((name) => [name, expected[name].length])));
      expect(page.nextCursor).toBeNull();
    }
    // A task waiting on another department is in no view yet.
    expect(Object.values(expected).flat()).not.toContain(pending);

    const page = await listQueue({ db, actor: colleague, view: "soon-due", now: monday });
    if (!page.ok) throw new Error(page.code);
    const [caseRow] = await db.select().from(cases).innerJoin(tasks, eq(tasks.caseId, cases.id)).where(eq(tasks.id, mineSoon));
    expect(page.rows.find((row) => row.id === mineSoon)).toMatchObject({
      caseNumber: caseRow.cases.number,
      serviceName: { "zh-Hans": expect.any(String), en: expect.any(String) },
      applicantType: caseRow.cases.applicantType,
      status: "accepted",
      dueDate: "2026-11-25",
      deadline: "soon-due",
      assigneeId: clerk.id,
      assigneeName: clerk.displayName,
    });
    const waiting = await listQueue({ db, actor: clerk, view: "waiting", now: monday });
    // The clock is stopped while the applicant is asked: no deadline state.
    expect(waiting.ok && waiting.rows[0].deadline).toBeNull();
    const overdue = await listQueue({ db, actor: clerk, view: "overdue", now: monday });
    expect(overdue.ok && overdue.rows[0]).toMatchObject({ deadline: "overdue", assigneeName: null });
  });

  it("calls a task soon due or overdue exactly when the deadline state does, across weekends and holidays", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-env");
    const calendar = await loadCalendar(db);
    // One task due on each day from mid-September to mid-December 2026 (National Day and weekends included).
    const ids = await seedQueueTasks(db, { departmentCode: "ENV", count: 90, dueDateSpread: 90, firstDueDate: "2026-09-15" });
    const dueDates = new Map((await db.select({ id: tasks.id, dueDate: tasks.dueDate }).from(tasks).where(inArray(tasks.id, ids))).map((row) => [row.id, row.dueDate]));
    // A Monday; a Wednesday (its 2nd working day is a Friday); a Friday; a Saturday before a make-up working
    // Sunday (20 Sep); the day before the Mid-Autumn holiday; the day before National Day; a Friday before a make-up
    // working Saturday (10 Oct).
    const days = ["2026-11-23", "2026-11-25", "2026-11-27", "2026-09-19", "2026-09-24", "2026-09-30", "2026-10-09"];
    for (const now of days.map((day) => new Date(`${day}T02:00:00Z`))) {
      for (const view of ["soon-due", "overdue"] as const) {
        const { ids: listed } = await readAll(clerk, view, now);
        const page = await listQueue({ db, actor: clerk, view, now });
        if (!page.ok) throw new Error(page.code);
        const today = page.today;
        const expected = ids.filter((id) => deadlineState(dueDates.get(id)!, today, calendar) === view);
        expect(new Set(listed), `${view} on ${today}`).toEqual(new Set(expected));
        expect(page.counts[view]).toBe(expected.length);
      }
    }
  });

  it("pages through a long queue with no task twice and none left out, and ignores forged cursors", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-medins");
    // Several tasks share each due date, so pages often break inside a date.
    const ids = await seedQueueTasks(db, { departmentCode: "MEDINS", count: 47, dueDateSpread: 6, firstDueDate: "2026-11-24" });
    const { ids: listed, pageSizes } = await readAll(clerk, "unclaimed");
    expect(pageSizes).toEqual([20, 20, 7]);
    const expected = await db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.id, ids)).orderBy(tasks.dueDate, tasks.id);
    expect(listed).toEqual(expected.map((row) => row.id));

    const first = await listQueue({ db, actor: clerk, view: "unclaimed", now: monday });
    if (!first.ok) throw new Error(first.code);
    const base64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
    const anId = ids[0];
    const forged = [
      "",
      "not a cursor",
      "%%%",
      "x".repeat(5000),
      base64("{"),
      base64([1, 2]),
      base64({ view: "unclaimed", sort: "due", key: "2026-02-30", id: anId }),
      base64({ view: "unclaimed", sort: "due", key: "0000-01-01", id: anId }),
      base64({ view: "unclaimed", sort: "due", key: "2026-11-24'; drop table tasks; --", id: anId }),
      base64({ view: "unclaimed", sort: "due", key: "2026-11-24", id: "not-a-uuid" }),
      base64({ view: "unclaimed", sort: "due", key: "2026-11-24" }),
      // A cursor of another view.
      encodeQueueCursor({ view: "mine", sort: "due", key: "2026-11-24", id: anId }),
      encodeQueueCursor({ view: "done", sort: "decided", key: "1795000000000000", id: anId }),
      // A cursor of another sort.
      encodeQueueCursor({ view: "unclaimed", sort: "due-desc", key: "2026-11-24", id: anId }),
    ];
    for (const cursor of forged) {
      const page = await listQueue({ db, actor: clerk, view: "unclaimed", cursor, now: monday });
      expect(page, cursor.slice(0, 40)).toEqual(first);
    }
    const doneForged = [base64({ view: "done", sort: "decided", key: "99999999999999999999", id: anId }), base64({ view: "done", sort: "decided", key: "-5", id: anId })];
    const doneFirst = await listQueue({ db, actor: clerk, view: "done", now: monday });
    for (const cursor of doneForged) expect(await listQueue({ db, actor: clerk, view: "done", cursor, now: monday })).toEqual(doneFirst);
  });

  it("pages the done view newest first, keeping PostgreSQL's microseconds", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-health");
    const ids = await seedQueueTasks(db, { departmentCode: "HEALTH", count: 45, status: "approved" });
    // Decisions a few microseconds apart (a JavaScript Date would merge them), some at the very same instant.
    await db
      .update(tasks)
      .set({ decidedAt: sql`timestamptz '2026-11-20 10:00:00+08' + (floor(random() * 15)::int * interval '1 microsecond')` })
      .where(inArray(tasks.id, ids));
    const { ids: listed, pageSizes } = await readAll(clerk, "done");
    expect(pageSizes).toEqual([20, 20, 5]);
    const expected = await db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.id, ids)).orderBy(desc(tasks.decidedAt), desc(tasks.id));
    expect(listed).toEqual(expected.map((row) => row.id));
  });

  it("is for clerks only", async () => {
    for (const username of ["supervisor", "citizen", "admin"]) {
      expect(await listQueue({ db: world.db, actor: await world.actorOf(username), view: "unclaimed" })).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});
