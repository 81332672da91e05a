import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, departments, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedUser } from "@/seed/factories";
import { restaurantAnswers } from "@/seed/sample-answers";
import { loadActor } from "@/server/auth/actor";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { submitApplication } from "@/server/intake/submit-application";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { listQueue } from "./list-queue";
import { decideTask } from "./decide-task";
import { currentTaskVersion } from "@/server/testing/current-task-version";

describe.each(testDatabaseKinds)("claim and decide on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** A fresh restaurant case with a sign: tasks for AMR, FIRE and URBAN. */
  async function newRestaurantCase() {
    const result = await submitApplication({
      db: world.db,
      actor: await world.actorOf("enterprise"),
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (!result.ok) throw new Error(result.code);
    const rows = await world.db
      .select({ id: tasks.id, code: departments.code, caseId: tasks.caseId })
      .from(tasks)
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .where(eq(cases.number, result.caseNumber));
    const taskOf = (code: string) => rows.find((row) => row.code === code)!.id;
    return { caseNumber: result.caseNumber, caseId: rows[0].caseId, taskOf };
  }
  const snapshot = async (taskId: string) => (await world.db.select().from(tasks).where(eq(tasks.id, taskId)))[0];

  it("takes a restaurant case through claim, accept and approve in every department, then concludes it", async () => {
    const { caseNumber, caseId, taskOf } = await newRestaurantCase();
    for (const code of ["AMR", "FIRE", "URBAN"]) {
      const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
      const queue = await listQueue({ db: world.db, actor: clerk, view: "unclaimed" });
      expect(queue.ok && queue.rows.some((task) => task.id === taskOf(code))).toBe(true);
      expect(await claimTask({ db: world.db, actor: clerk, taskId: taskOf(code) })).toMatchObject({ ok: true });
      expect(await decideTask({ db: world.db, actor: clerk, taskId: taskOf(code), action: "accept", expectedVersion: await currentTaskVersion(world.db, taskOf(code)) })).toMatchObject({ ok: true });
      const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, caseId));
      expect(caseRow.status).toBe("in-progress");
      expect(await decideTask({ db: world.db, actor: clerk, taskId: taskOf(code), action: "approve", expectedVersion: await currentTaskVersion(world.db, taskOf(code)) })).toMatchObject({ ok: true });
    }
    const seen = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    expect(seen.ok).toBe(true);
    if (!seen.ok) return;
    expect(seen.case.status).toBe("concluded");
    expect(seen.tasks.map((task) => task.status)).toEqual(["approved", "approved", "approved"]);
    // Submitted, 3 × (accepted and its notice, approved with its decision and its licence), concluded; the claims are
    // internal and not on the timeline.
    expect(seen.events.map((event) => event.kind)).toEqual([
      "case-submitted",
      ...Array.from({ length: 3 }, () => ["task-accepted", "document-issued", "task-approved", "document-issued", "licence-issued"]).flat(),
      "case-concluded",
    ]);
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true, length: 20 });
  });

  it("lets exactly one of several clerks claiming the same task at once win", async () => {
    const { taskOf } = await newRestaurantCase();
    const clerks = [await world.actorOf("clerk-amr")];
    for (let i = 2; i <= 6; i++) {
      const user = await seedUser(world.db, { username: `amr-clerk-${i}`, role: "clerk", displayName: `Clerk ${i}`, departmentCode: "AMR" });
      clerks.push((await loadActor(world.db, user.id))!);
    }
    const results = await Promise.all(clerks.map((actor) => claimTask({ db: world.db, actor, taskId: taskOf("AMR") })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual(Array(5).fill("conflict:task-already-claimed"));
    const winner = clerks[results.findIndex((result) => result.ok)];
    expect((await snapshot(taskOf("AMR"))).assigneeId).toBe(winner.id);
  });

  it("refuses a clerk acting on another department's task and changes nothing", async () => {
    const { taskOf } = await newRestaurantCase();
    const fireClerk = await world.actorOf("clerk-fire");
    const before = await snapshot(taskOf("AMR"));
    expect(await claimTask({ db: world.db, actor: fireClerk, taskId: taskOf("AMR") })).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await decideTask({ db: world.db, actor: fireClerk, taskId: taskOf("AMR"), action: "accept", expectedVersion: await currentTaskVersion(world.db, taskOf("AMR")) })).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await snapshot(taskOf("AMR"))).toEqual(before);
    // Neither may an applicant or a supervisor act as a clerk.
    const enterprise = await world.actorOf("enterprise");
    expect(await claimTask({ db: world.db, actor: enterprise, taskId: taskOf("AMR") })).toMatchObject({ ok: false, code: "forbidden:role" });
    expect(await decideTask({ db: world.db, actor: await world.actorOf("supervisor"), taskId: taskOf("AMR"), action: "accept", expectedVersion: await currentTaskVersion(world.db, taskOf("AMR")) })).toMatchObject({
      ok: false,
      code: "forbidden:role",
    });
    expect(await snapshot(taskOf("AMR"))).toEqual(before);
  });

  it("takes a task id written in capitals as the same task (a posted id may be; it was a 500)", async () => {
    const { caseId, taskOf } = await newRestaurantCase();
    const clerk = await world.actorOf("clerk-amr");
    const taskId = taskOf("AMR").toUpperCase();
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    const accepted = await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) });
    expect(accepted).toMatchObject({ ok: true });
    const supplement = await requestSupplement({ db: world.db, actor: clerk, taskId, expectedVersion: accepted.ok ? accepted.version : 0, items: [{ key: "seats", note: "请核实" }] });
    expect(supplement).toMatchObject({ ok: true });
    expect((await snapshot(taskOf("AMR"))).status).toBe("supplement-requested");
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });
  });

  it("refuses transitions the table does not allow, unclaimed work, missing reasons and stale versions", async () => {
    const { taskOf } = await newRestaurantCase();
    const clerk = await world.actorOf("clerk-amr");
    const taskId = taskOf("AMR");
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ code: "conflict:task-not-claimed-by-you" });
    const claimed = await claimTask({ db: world.db, actor: clerk, taskId });
    expect(claimed.ok).toBe(true);
    const before = await snapshot(taskId);
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "approve", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ code: "conflict:transition-not-allowed" });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "refuse", reason: "   ", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ code: "invalid:reason-required" });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: before.version - 1 })).toMatchObject({
      code: "conflict:task-changed",
    });
    expect(await snapshot(taskId)).toEqual(before);
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: before.version })).toMatchObject({ ok: true });
    // The version moved on: replaying the same form is refused.
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: before.version })).toMatchObject({
      code: "conflict:task-changed",
    });
  });

  it("shows the applicant a rejection's reason, and concludes the case when the others are decided", async () => {
    const { caseNumber, taskOf } = await newRestaurantCase();
    const decide = async (code: string, steps: [action: "accept" | "refuse" | "approve" | "reject", reason?: string][]) => {
      const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
      await claimTask({ db: world.db, actor: clerk, taskId: taskOf(code) });
      for (const [action, reason] of steps) {
        expect(await decideTask({ db: world.db, actor: clerk, taskId: taskOf(code), action, reason, expectedVersion: await currentTaskVersion(world.db, taskOf(code)) })).toMatchObject({ ok: true });
      }
    };
    await decide("URBAN", [["accept"], ["reject", "招牌尺寸超过临街立面允许的范围"]]);
    await decide("FIRE", [["refuse", "尚未完成消防设计审查"]]);
    const midway = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    expect(midway.ok && midway.case.status).toBe("in-progress");
    await decide("AMR", [["accept"], ["approve"]]);
    const seen = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    expect(seen.ok).toBe(true);
    if (!seen.ok) return;
    expect(seen.case.status).toBe("concluded");
    expect(Object.fromEntries(seen.tasks.map((task) => [task.departmentCode, [task.status, task.reason]]))).toEqual({
      AMR: ["approved", null],
      FIRE: ["refused", "尚未完成消防设计审查"],
      URBAN: ["rejected", "招牌尺寸超过临街立面允许的范围"],
    });
  });

  it("never shows one applicant another's case", async () => {
    const { caseNumber } = await newRestaurantCase();
    for (const username of ["citizen", "citizen2"]) {
      expect(await getCaseForApplicant({ db: world.db, actor: await world.actorOf(username), caseNumber })).toMatchObject({
        ok: false,
        code: "not-found:case",
      });
    }
  });
});
