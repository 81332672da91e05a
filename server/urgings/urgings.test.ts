/**
 * 督办 on both databases: only a supervisor sends an urging, within their scope, about a running task or an open
 * follow-up, with a message and a working-day deadline that is neither past nor too far; one at a time per matter.
 * The department's clerks are told and see it; only a clerk of that department reads and answers it (others find
 * nothing), once; the sender is told and sees the answer, marked late when it came after the deadline.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, outbox, ratingFollowUps, ratings, tasks, urgings, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { addDays, addWorkingDays, isWorkingDay, toIsoDate, type TCalendar } from "@/lib/calendar/working-days";
import { URGING_MESSAGE_MAX } from "@/lib/supervision/urging-rules";
import { seedUser } from "@/seed/factories";
import { restaurantAnswers } from "@/seed/sample-answers";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { isOutboxFor } from "@/server/testing/outbox-for";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { answerUrging } from "./answer-urging";
import { getUrgingForClerk } from "./get-urging-for-clerk";
import { listDepartmentUrgings } from "./list-department-urgings";
import { listUrgings } from "./list-urgings";
import { sendUrging } from "./send-urging";
import { findUrgingSubject } from "./urging-subject";

const now = new Date();
const today = toIsoDate(now);

describe.each(testDatabaseKinds)("urgings on %s", (kind) => {
  let world: TWorld;
  let calendar: TCalendar;
  let amrTask: string;
  let fireTask: string;
  let followUpId: string;
  const deadline = () => addWorkingDays(today, 3, calendar);
  const outboxOf = async (username: string, topic: string) => {
    const [user] = await world.db.select().from(users).where(eq(users.username, username));
    return world.db.select().from(outbox).where(and(isOutboxFor(world.db, user.id), eq(outbox.topic, topic)));
  };
  const send = async (username: string, subject: { kind: "task" | "follow-up"; id: string }, values: { message?: string; deadline?: string } = {}) =>
    sendUrging({ db: world.db, actor: await world.actorOf(username), subject, message: values.message ?? "请说明超期原因，并尽快办结。", deadline: values.deadline ?? deadline(), now });

  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
    calendar = await loadCalendar(world.db);
    await seedUser(world.db, { username: "supervisor-fire", role: "supervisor", displayName: "吴消防监察", departmentCode: "FIRE" });
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    [amrTask, fireTask] = [restaurant.taskOf("AMR"), restaurant.taskOf("FIRE")];
    // A bad rating's follow-up for the market regulator, as rating the case would open it.
    const [enterprise] = await world.db.select().from(users).where(eq(users.username, "enterprise"));
    const [amr] = await world.db.select().from(departments).where(eq(departments.code, "AMR"));
    const [rating] = await world.db.insert(ratings).values({ caseId: restaurant.caseId, ratedById: enterprise.id, overall: 1, efficiency: 1, guideAccuracy: 1, convenience: 1 }).returning();
    const [followUp] = await world.db.insert(ratingFollowUps).values({ ratingId: rating.id, caseId: restaurant.caseId, departmentId: amr.id, dueOn: addWorkingDays(today, 5, calendar) }).returning();
    followUpId = followUp.id;
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("lets only a supervisor send, and a department's supervisor only about their department", async () => {
    for (const username of ["clerk-amr", "admin", "counter", "enterprise", "citizen"]) {
      expect(await send(username, { kind: "task", id: amrTask }), username).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await send("supervisor-fire", { kind: "task", id: amrTask })).toEqual({ ok: false, code: "not-found:urging-subject" });
    expect(await send("supervisor-fire", { kind: "follow-up", id: followUpId })).toEqual({ ok: false, code: "not-found:urging-subject" });
    expect(await send("supervisor", { kind: "task", id: "not-a-uuid" })).toEqual({ ok: false, code: "not-found:urging-subject" });
    expect(await send("supervisor", { kind: "follow-up", id: amrTask })).toEqual({ ok: false, code: "not-found:urging-subject" });
    expect(await world.db.select().from(urgings)).toHaveLength(0);
  });

  it("refuses a missing or overlong message and a deadline that is not a date, past, a day off or too far, writing nothing", async () => {
    let dayOff = addDays(today, 1);
    while (isWorkingDay(dayOff, calendar)) dayOff = addDays(dayOff, 1);
    const refusals: [Parameters<typeof send>[2], string][] = [
      [{ message: "  \n " }, "invalid:urging-message-required"],
      [{ message: "催".repeat(URGING_MESSAGE_MAX + 1) }, "invalid:urging-message-too-long"],
      [{ message: "请\u0007回复" }, "invalid:text-control-character"],
      [{ deadline: "" }, "invalid:urging-deadline"],
      [{ deadline: "2026-02-30" }, "invalid:urging-deadline"],
      [{ deadline: addDays(today, -1) }, "invalid:urging-deadline-past"],
      [{ deadline: dayOff }, "invalid:urging-deadline-not-working-day"],
      [{ deadline: addWorkingDays(today, 21, calendar) }, "invalid:urging-deadline-too-far"],
    ];
    for (const [values, code] of refusals) {
      expect(await send("supervisor", { kind: "task", id: amrTask }, values), code).toEqual({ ok: false, code });
    }
    expect(await world.db.select().from(urgings)).toHaveLength(0);
    // The limits themselves are allowed: the longest message, and 20 working days ahead.
    const longest = await send("supervisor", { kind: "task", id: fireTask }, { message: "催".repeat(URGING_MESSAGE_MAX), deadline: addWorkingDays(today, 20, calendar) });
    expect(longest.ok).toBe(true);
    if (longest.ok) await answerUrging({ db: world.db, actor: await world.actorOf("clerk-fire"), urgingId: longest.urgingId, answer: "已办理", now });
  });

  it("tells the department's clerks, one open urging at a time, and shows it to that department only", async () => {
    const sent = await send("supervisor", { kind: "task", id: amrTask });
    if (!sent.ok) throw new Error(sent.code);
    const [row] = await world.db.select().from(urgings).where(eq(urgings.id, sent.urgingId));
    expect(row).toMatchObject({ taskId: amrTask, followUpId: null, deadline: deadline(), answer: null, answeredAt: null });
    expect(await outboxOf("clerk-amr", "urging-sent")).toEqual([expect.objectContaining({ link: `/desk/urgings/${sent.urgingId}` })]);
    expect(await outboxOf("clerk-fire", "urging-sent")).toHaveLength(1); // the earlier, answered one about the fire task
    expect(await send("supervisor", { kind: "task", id: amrTask })).toEqual({ ok: false, code: "conflict:urging-open" });
    const subject = await findUrgingSubject(world.db, { actor: await world.actorOf("supervisor"), subject: { kind: "task", id: amrTask } });
    expect(subject.ok && subject.subject.openUrgingId).toBe(sent.urgingId);

    const amrList = await listDepartmentUrgings({ db: world.db, actor: await world.actorOf("clerk-amr"), now });
    expect(amrList.ok && amrList.rows.map((urging) => urging.id)).toEqual([sent.urgingId]);
    const forTask = await listDepartmentUrgings({ db: world.db, actor: await world.actorOf("clerk-amr"), taskId: amrTask, now });
    expect(forTask.ok && forTask.rows).toHaveLength(1);
    const fireList = await listDepartmentUrgings({ db: world.db, actor: await world.actorOf("clerk-fire"), now });
    expect(fireList.ok && fireList.rows).toEqual([]);
    expect(await getUrgingForClerk({ db: world.db, actor: await world.actorOf("clerk-fire"), urgingId: sent.urgingId })).toEqual({ ok: false, code: "not-found:urging" });
    expect(await getUrgingForClerk({ db: world.db, actor: await world.actorOf("supervisor"), urgingId: sent.urgingId })).toEqual({ ok: false, code: "forbidden:role" });
    const own = await getUrgingForClerk({ db: world.db, actor: await world.actorOf("clerk-amr"), urgingId: sent.urgingId, now });
    expect(own.ok && own.urging.message).toBe("请说明超期原因，并尽快办结。");
  });

  it("is answered once, by a clerk of the department, with text; the sender is told and sees the answer", async () => {
    const [open] = await world.db.select().from(urgings).where(eq(urgings.taskId, amrTask));
    const answer = async (username: string, text: string) => answerUrging({ db: world.db, actor: await world.actorOf(username), urgingId: open.id, answer: text, now });
    expect(await answer("clerk-fire", "不是我们的")).toEqual({ ok: false, code: "not-found:urging" });
    expect(await answer("supervisor", "自己答复")).toEqual({ ok: false, code: "forbidden:role" });
    expect(await answer("clerk-amr", "   ")).toEqual({ ok: false, code: "invalid:urging-answer-required" });
    expect((await world.db.select().from(urgings).where(eq(urgings.id, open.id)))[0].answeredAt).toBeNull();
    expect(await answer("clerk-amr", "已联系申请人核实，将于明日办结。")).toEqual({ ok: true, urgingId: open.id });
    expect(await answer("clerk-amr", "再答一次")).toEqual({ ok: false, code: "conflict:urging-answered" });
    expect(await outboxOf("supervisor", "urging-answered")).toEqual(expect.arrayContaining([expect.objectContaining({ link: `/supervise/urgings#urging-${open.id}` })]));

    const answered = await listUrgings({ db: world.db, actor: await world.actorOf("supervisor"), state: "answered", now });
    expect(answered.ok && answered.rows.find((row) => row.id === open.id)).toMatchObject({ answer: "已联系申请人核实，将于明日办结。", answeredByName: expect.any(String), late: false });
    // The FIRE supervisor sees the FIRE department's urgings only; clerks see none of this list.
    const fire = await listUrgings({ db: world.db, actor: await world.actorOf("supervisor-fire"), state: "answered", now });
    expect(fire.ok && fire.rows.every((row) => row.taskId === fireTask)).toBe(true);
    expect(await listUrgings({ db: world.db, actor: await world.actorOf("clerk-amr"), state: "open", now })).toEqual({ ok: false, code: "forbidden:role" });
    // Answered, the task may be urged again.
    expect((await send("supervisor", { kind: "task", id: amrTask })).ok).toBe(true);
  });

  it("urges a follow-up, and marks an urging late once its deadline has passed, open or answered", async () => {
    const sent = await send("supervisor", { kind: "follow-up", id: followUpId }, { deadline: deadline() });
    if (!sent.ok) throw new Error(sent.code);
    const clerk = await world.actorOf("clerk-amr");
    const forFollowUp = await listDepartmentUrgings({ db: world.db, actor: clerk, followUpId, now });
    expect(forFollowUp.ok && forFollowUp.rows.map((row) => row.id)).toEqual([sent.urgingId]);
    // The test clock moves past the deadline: the open urging is late, and an answer now is a late one.
    const later = new Date(`${addDays(deadline(), 1)}T10:00:00+08:00`);
    const open = await listUrgings({ db: world.db, actor: await world.actorOf("supervisor"), state: "open", now: later });
    expect(open.ok && open.rows.find((row) => row.id === sent.urgingId)).toMatchObject({ late: true, followUpId });
    const onTime = await listUrgings({ db: world.db, actor: await world.actorOf("supervisor"), state: "open", now });
    expect(onTime.ok && onTime.rows.find((row) => row.id === sent.urgingId)?.late).toBe(false);
    expect((await answerUrging({ db: world.db, actor: clerk, urgingId: sent.urgingId, answer: "已回访申请人", now: later })).ok).toBe(true);
    const answered = await listUrgings({ db: world.db, actor: await world.actorOf("supervisor"), state: "answered", now: later });
    expect(answered.ok && answered.rows.find((row) => row.id === sent.urgingId)).toMatchObject({ late: true, answer: "已回访申请人" });
  });

  it("urges no task that is not in the department's hands, and no answered follow-up", async () => {
    await world.db.update(tasks).set({ status: "approved", decidedAt: now }).where(eq(tasks.id, fireTask));
    expect(await send("supervisor", { kind: "task", id: fireTask })).toEqual({ ok: false, code: "not-found:urging-subject" });
    await world.db.update(ratingFollowUps).set({ status: "answered", reply: "已回复", repliedById: (await world.actorOf("clerk-amr")).id, repliedAt: now }).where(eq(ratingFollowUps.id, followUpId));
    expect(await send("supervisor", { kind: "follow-up", id: followUpId })).toEqual({ ok: false, code: "not-found:urging-subject" });
  });
});
