// Temporary (not committed): state for screenshots.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { cases, departments, tasks, users } from "@/db/schema";
import { restaurantAnswers } from "@/seed/sample-answers";
import { loadActor } from "@/server/auth/actor";
import { submitApplication } from "@/server/intake/submit-application";
import { claimTask } from "@/server/workflow/claim-task";

async function main() {
  const { db, close } = openDatabase(databaseOptionsFromEnv());
  const actorOf = async (username: string) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await loadActor(db, user.id))!;
  };
  const fire = await actorOf("clerk-fire");
  const submitted = await submitApplication({ db, actor: await actorOf("enterprise"), subjectCode: "BUNDLE-RESTAURANT", rawAnswers: restaurantAnswers({ shopName: "一门烧烤", useCommitment: "yes", hasOutdoorSign: "no" }), idempotencyKey: randomUUID(), channel: "online" });
  if (!submitted.ok) throw new Error(submitted.code);
  const [fireDept] = await db.select().from(departments).where(eq(departments.code, "FIRE"));
  const [review] = await db.select({ id: tasks.id }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(and(eq(cases.number, submitted.caseNumber), eq(tasks.departmentId, fireDept.id)));
  console.log("claim review", review.id, await claimTask({ db, actor: fire, taskId: review.id }));
  const [inspection] = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.kind, "inspection"), eq(tasks.departmentId, fireDept.id)));
  console.log("claim inspection", inspection.id, await claimTask({ db, actor: fire, taskId: inspection.id }));
  await close();
}
main();
