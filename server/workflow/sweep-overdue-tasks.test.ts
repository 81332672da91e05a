/**
 * The overdue sweep on real 2026 dates: a restaurant bundle submitted on Tue 22 Sep 2026 gives AMR a task due Wed
 * 30 Sep, right before the National Day holidays (1–7 Oct; Sat 10 Oct is a make-up working day).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, departments, outbox, tasks, users } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { restaurantAnswers } from "@/seed/sample-answers";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";
import { submitApplication } from "@/server/intake/submit-application";
import { renderNotification } from "@/server/notifications/render-notification";
import { answerSupplement } from "@/server/supplements/answer-supplement";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { listQueue } from "./list-queue";
import { decideExtension } from "./decide-extension";
import { requestExtension } from "./request-extension";
import { sweepOverdueTasks } from "./sweep-overdue-tasks";
import { decideTask } from "./decide-task";
import { currentTaskVersion } from "@/server/testing/current-task-version";

/** 10:00 in Beijing on a calendar day. */
const beijing = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);

describe.each(testDatabaseKinds)("the overdue sweep on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 6 });
    await seedUser(world.db, { username: "amr-colleague", role: "clerk", displayName: "周敏", departmentCode: "AMR" });
    await seedUser(world.db, { username: "amr-supervisor", role: "supervisor", displayName: "钱科长", departmentCode: "AMR" });
    await seedUser(world.db, { username: "fire-supervisor", role: "supervisor", displayName: "吴科长", departmentCode: "FIRE" });
    await seedUser(world.db, { username: "tax-supervisor", role: "supervisor", displayName: "沈科长", departmentCode: "TAX" });
  });
  afterAll(async () => {
    await world?.drop();
  });

  const sweep = (now: Date) => sweepOverdueTasks({ db: world.db, now });

  /** A restaurant bundle submitted on Tue 22 Sep 2026; its tasks by department code. */
  async function restaurantCase() {
    const result = await submitApplication({
      db: world.db,
      actor: await world.actorOf("enterprise"),
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
      now: beijing("2026-09-22"),
    });
    if (!result.ok) throw new Error(result.code);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    return { caseRow, tasks: await tasksOf(caseRow.id) };
  }
  async function tasksOf(caseId: string) {
    const rows = await world.db.select({ task: tasks, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseId));
    return Object.fromEntries(rows.map((row) => [row.code, row.task]));
  }
  async function taskRow(taskId: string) {
    const [row] = await world.db.select().from(tasks).where(eq(tasks.id, taskId));
    return row;
  }
  /** Who has been told that this task is overdue, one username per outbox row, sorted. */
  async function toldAbout(taskId: string) {
    const rows = await world.db
      .select({ username: users.username })
      .from(outbox)
      .innerJoin(users, eq(users.id, outbox.recipientId))
      .where(and(eq(outbox.topic, "task-overdue"), eq(outbox.link, `/desk/tasks/${taskId}`)));
    return rows.map((row) => row.username).sort();
  }
  /** The tasks the desk's overdue view (of one department) and the supervisor's watch list call overdue on a day. */
  async function calledOverdue(departmentClerk: string, now: Date) {
    const queue = await listQueue({ db: world.db, actor: await world.actorOf(departmentClerk), view: "overdue", now, pageSize: 500 });
    const watch = await listDeadlineWatch({ db: world.db, actor: await world.actorOf("supervisor"), now });
    if (!queue.ok || !watch.ok) throw new Error("cannot list");
    return { desk: queue.rows.map((row) => row.id), watch: watch.rows.filter((row) => row.dueDate < watch.today).map((row) => row.id) };
  }
  async function claimAndAccept(taskId: string, date: string) {
    const clerk = await world.actorOf("clerk-amr");
    expect(await claimTask({ db: world.db, actor: clerk, taskId, now: beijing(date) })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", now: beijing(date), expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    return clerk;
  }

  it("tells every clerk and supervisor of the department about an unclaimed overdue task, nobody else, exactly once", async () => {
    const { caseRow, tasks: byCode } = await restaurantCase();
    const amr = byCode.AMR;
    expect(amr.dueDate).toBe("2026-09-30");

    // Due today, even one minute before midnight in Beijing: not overdue.
    await sweep(new Date("2026-09-30T23:59:00+08:00"));
    expect(await toldAbout(amr.id)).toEqual([]);
    expect(await calledOverdue("clerk-amr", new Date("2026-09-30T23:59:00+08:00"))).toEqual({ desk: [], watch: [] });

    // Five minutes after midnight in Beijing (still 30 Sep in UTC) is Thu 1 Oct, a holiday: the due date has passed.
    const firstNow = new Date("2026-10-01T00:05:00+08:00");
    await sweep(firstNow);
    expect(await toldAbout(amr.id)).toEqual(["amr-colleague", "amr-supervisor", "clerk-amr"]);
    expect((await taskRow(amr.id)).overdueNotifiedAt).toEqual(firstNow);
    // The desk and the supervisor agree.
    const called = await calledOverdue("clerk-amr", firstNow);
    expect(called.desk).toEqual([amr.id]);
    expect(called.watch).toContain(amr.id);
    // The case's other tasks, due the same day, go to their own departments alone.
    expect(Object.keys(byCode).sort()).toEqual(["AMR", "FIRE", "URBAN"]);
    expect(await toldAbout(byCode.FIRE.id)).toEqual(["clerk-fire", "fire-supervisor"]);
    expect(await toldAbout(byCode.URBAN.id)).toEqual(["clerk-urban"]);

    // What they read: the case, the service in their language, the missed date.
    const [message] = await world.db.select().from(outbox).where(and(eq(outbox.topic, "task-overdue"), eq(outbox.link, `/desk/tasks/${amr.id}`))).limit(1);
    expect(message).toMatchObject({ caseId: caseRow.id, params: { caseNumber: caseRow.number, dueDate: "2026-09-30", service: { en: expect.any(String) } } });
    const rendered = renderNotification({ topic: message.topic, params: message.params, locale: "en" });
    expect(rendered.title).toBe("Task overdue");
    expect(rendered.body).toContain(caseRow.number);

    // The trail records it, for staff only, and stays a valid chain.
    const events = await world.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, amr.id), eq(caseEvents.kind, "task-overdue")));
    expect(events).toMatchObject([{ actorId: null, public: false, data: { dueDate: "2026-09-30" } }]);
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });

    // The next sweeps tell nobody again.
    await sweep(beijing("2026-10-01", 11));
    await sweep(beijing("2026-10-08"));
    expect(await toldAbout(amr.id)).toEqual(["amr-colleague", "amr-supervisor", "clerk-amr"]);
    expect((await taskRow(amr.id)).overdueNotifiedAt).toEqual(firstNow);
    expect(await world.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, amr.id), eq(caseEvents.kind, "task-overdue")))).toHaveLength(1);
  });

  it("tells the clerk who holds an overdue task and the department's supervisors, not the colleagues", async () => {
    const { tasks: byCode } = await restaurantCase();
    await claimAndAccept(byCode.AMR.id, "2026-09-23");
    const { version } = await taskRow(byCode.AMR.id);
    // Thu 8 Oct, the first working day after the holidays.
    await sweep(beijing("2026-10-08"));
    expect(await toldAbout(byCode.AMR.id)).toEqual(["amr-supervisor", "clerk-amr"]);
    // The clerk's open form is not made stale by the reminder.
    expect((await taskRow(byCode.AMR.id)).version).toBe(version);
  });

  it("leaves alone a task still waiting on its prerequisites and one whose clock is stopped for a supplement", async () => {
    const [pending] = await seedQueueTasks(world.db, { departmentCode: "POLICE", count: 1, status: "pending", firstDueDate: "2026-09-01" });
    const { tasks: byCode } = await restaurantCase();
    const amr = byCode.AMR;
    const clerk = await claimAndAccept(amr.id, "2026-09-23");
    // Thu 24 Sep: the clerk asks for a correction; the clock stops with 3 working days left (28, 29, 30 Sep).
    const asked = await requestSupplement({
      db: world.db,
      actor: clerk,
      taskId: amr.id,
      expectedVersion: (await taskRow(amr.id)).version,
      items: [{ key: "businessArea", note: "经营面积与平面图不符，请核对" }],
      now: beijing("2026-09-24"),
    });
    if (!asked.ok) throw new Error(asked.code);

    // Fri 9 Oct: the old due date (30 Sep) is long gone, but neither clock runs.
    await sweep(beijing("2026-10-09"));
    expect(await toldAbout(pending)).toEqual([]);
    expect(await toldAbout(amr.id)).toEqual([]);
    expect((await taskRow(pending)).overdueNotifiedAt).toBeNull();
    const called = await calledOverdue("clerk-amr", beijing("2026-10-09"));
    expect([...called.desk, ...called.watch]).not.toContain(amr.id);
    expect(called.watch).not.toContain(pending);

    // The correction arrives on Fri 9 Oct: the 3 days left run Sat 10 Oct (a make-up working day), 12 and 13 Oct.
    const answered = await answerSupplement({
      db: world.db,
      actor: await world.actorOf("enterprise"),
      requestId: asked.requestId,
      posted: { businessArea: "95" },
      uploads: {},
      intent: { kind: "send" },
      now: beijing("2026-10-09"),
    });
    expect(answered).toMatchObject({ ok: true, sent: true });
    expect((await taskRow(amr.id)).dueDate).toBe("2026-10-13");
    await sweep(beijing("2026-10-13", 18));
    expect(await toldAbout(amr.id)).toEqual([]);
    await sweep(beijing("2026-10-14"));
    expect(await toldAbout(amr.id)).toEqual(["amr-supervisor", "clerk-amr"]);
  });

  it("tells the department again when the new due date of an approved extension passes", async () => {
    const { tasks: byCode } = await restaurantCase();
    const amr = byCode.AMR;
    const clerk = await claimAndAccept(amr.id, "2026-09-23");
    await sweep(beijing("2026-10-01"));
    expect(await toldAbout(amr.id)).toEqual(["amr-supervisor", "clerk-amr"]);

    const asked = await requestExtension({ db: world.db, actor: clerk, taskId: amr.id, expectedVersion: (await taskRow(amr.id)).version, days: 2, reason: "需现场核查", now: beijing("2026-10-08") });
    if (!asked.ok) throw new Error(asked.code);
    const decided = await decideExtension({ db: world.db, actor: await world.actorOf("amr-supervisor"), taskId: amr.id, expectedVersion: asked.version, approve: true, now: beijing("2026-10-08", 15) });
    expect(decided).toMatchObject({ ok: true });
    // Two working days after Wed 30 Sep, skipping the holidays: Thu 8 and Fri 9 Oct.
    expect(await taskRow(amr.id)).toMatchObject({ dueDate: "2026-10-09", overdueNotifiedAt: null });

    await sweep(beijing("2026-10-09", 18));
    expect(await toldAbout(amr.id)).toEqual(["amr-supervisor", "clerk-amr"]);
    // Sat 10 Oct, a make-up working day: the new date has passed.
    await sweep(beijing("2026-10-10"));
    await sweep(beijing("2026-10-12"));
    expect(await toldAbout(amr.id)).toEqual(["amr-supervisor", "amr-supervisor", "clerk-amr", "clerk-amr"]);
    const messages = await world.db.select({ params: outbox.params }).from(outbox).where(and(eq(outbox.topic, "task-overdue"), eq(outbox.link, `/desk/tasks/${amr.id}`))).orderBy(asc(outbox.id));
    expect(messages.map((message) => message.params.dueDate)).toEqual(["2026-09-30", "2026-09-30", "2026-10-09", "2026-10-09"]);
  });

  it("watches the new due date when a supplement restarts the clock of a task already reported overdue", async () => {
    const { tasks: byCode } = await restaurantCase();
    const amr = byCode.AMR;
    const clerk = await claimAndAccept(amr.id, "2026-09-23");
    await sweep(beijing("2026-10-01"));
    expect(await toldAbout(amr.id)).toHaveLength(2);

    // Thu 8 Oct: a supplement stops the clock with no working days left; it arrives on Fri 9 Oct, due that day.
    const asked = await requestSupplement({ db: world.db, actor: clerk, taskId: amr.id, expectedVersion: (await taskRow(amr.id)).version, items: [{ key: "seats", note: "请填写实际座位数" }], now: beijing("2026-10-08") });
    if (!asked.ok) throw new Error(asked.code);
    await answerSupplement({ db: world.db, actor: await world.actorOf("enterprise"), requestId: asked.requestId, posted: { seats: "30" }, uploads: {}, intent: { kind: "send" }, now: beijing("2026-10-09") });
    expect(await taskRow(amr.id)).toMatchObject({ status: "supplement-received", dueDate: "2026-10-09", overdueNotifiedAt: null });

    await sweep(beijing("2026-10-09", 18));
    expect(await toldAbout(amr.id)).toHaveLength(2);
    await sweep(beijing("2026-10-10"));
    expect(await toldAbout(amr.id)).toEqual(["amr-supervisor", "amr-supervisor", "clerk-amr", "clerk-amr"]);
  });

  it("tells each recipient once per task when several sweeps run at the same time", async () => {
    const taskIds = await seedQueueTasks(world.db, { departmentCode: "TAX", count: 60, firstDueDate: "2026-08-03", dueDateSpread: 5 });
    const now = beijing("2026-09-01");
    const results = await Promise.all([sweep(now), sweep(now), sweep(now), sweep(now)]);
    expect(results.reduce((sum, result) => sum + result.notified, 0)).toBe(60);

    const rows = await world.db
      .select({ link: outbox.link, username: users.username })
      .from(outbox)
      .innerJoin(users, eq(users.id, outbox.recipientId))
      .where(and(eq(outbox.topic, "task-overdue"), inArray(outbox.link, taskIds.map((id) => `/desk/tasks/${id}`))));
    const perTask = new Map<string, string[]>();
    for (const row of rows) perTask.set(row.link!, [...(perTask.get(row.link!) ?? []), row.username!].sort());
    expect(perTask.size).toBe(60);
    for (const told of perTask.values()) expect(told).toEqual(["clerk-tax", "tax-supervisor"]);
    const events = await world.db.select({ taskId: caseEvents.taskId }).from(caseEvents).where(and(eq(caseEvents.kind, "task-overdue"), inArray(caseEvents.taskId, taskIds)));
    expect(events).toHaveLength(60);
  });
});
