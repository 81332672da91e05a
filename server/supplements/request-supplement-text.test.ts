/**
 * The notes of a 补正 request, on both databases: a note for the whole request or for one item with a NUL (a 500
 * before) or another control character is refused and nothing is asked; bidi controls are removed from what the
 * applicant reads.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, formDefinitions, supplementRequests, tasks } from "@/db/schema";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { decideTask } from "@/server/workflow/decide-task";
import { listSupplementableFields, requestSupplement } from "./request-supplement";
import { currentTaskVersion } from "@/server/testing/current-task-version";

describe.each(testDatabaseKinds)("typed notes of a supplement request on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("refuses a note with a control character, asking nothing; keeps notes without their bidi controls", async () => {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1 });
    const clerk = await world.actorOf("clerk-amr");
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    const [task] = await world.db.select().from(tasks).where(eq(tasks.id, taskId));
    const [{ definition }] = await world.db
      .select({ definition: formDefinitions.definition })
      .from(cases)
      .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
      .where(eq(cases.id, task.caseId));
    const [field] = listSupplementableFields(definition);
    const ask = (note: string, itemNote: string) =>
      requestSupplement({ db: world.db, actor: clerk, taskId, expectedVersion: task.version, note, items: [{ key: field.key, note: itemNote }] });

    for (const [name, text] of refusedTexts) {
      expect(await ask(text, "请上传清晰的扫描件"), `${name} in the request's note`).toEqual({ ok: false, code: "invalid:text-control-character" });
      expect(await ask("", text), `${name} in an item's note`).toEqual({ ok: false, code: "invalid:text-control-character" });
    }
    expect(await world.db.select().from(supplementRequests).where(eq(supplementRequests.taskId, taskId))).toHaveLength(0);
    expect((await world.db.select().from(tasks).where(eq(tasks.id, taskId)))[0]).toEqual(task);

    expect(await ask(bidiText.sent, bidiText.sent)).toMatchObject({ ok: true });
    const [request] = await world.db.select().from(supplementRequests).where(eq(supplementRequests.taskId, taskId));
    expect(request).toMatchObject({ note: bidiText.stored, items: [{ key: field.key, note: bidiText.stored }] });
  });
});
