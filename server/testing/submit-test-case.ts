/**
 * A case submitted through the one intake path as `username`, for integration tests: its number, id, and each
 * department's task id by department code.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { cases, departments, tasks } from "@/db/schema";
import { submitApplication } from "@/server/intake/submit-application";
import type { TWorld } from "./world";

export async function submitTestCase(world: TWorld, { username, subjectCode, answers }: { username: string; subjectCode: string; answers: Record<string, unknown> }) {
  const result = await submitApplication({ db: world.db, actor: await world.actorOf(username), subjectCode, rawAnswers: answers, idempotencyKey: randomUUID(), channel: "online" });
  if (!result.ok) throw new Error(result.code);
  const rows = await world.db
    .select({ id: tasks.id, code: departments.code, caseId: tasks.caseId })
    .from(tasks)
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(eq(cases.number, result.caseNumber));
  const taskOf = (code: string) => {
    const task = rows.find((row) => row.code === code);
    if (!task) throw new Error(`no ${code} task in ${result.caseNumber}`);
    return task.id;
  };
  return { caseNumber: result.caseNumber, caseId: rows[0].caseId, taskOf };
}
