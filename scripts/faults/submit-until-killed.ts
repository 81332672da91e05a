/**
 * A process that starts BATCH submissions at once through the one intake path and prints `ack <case number> <kind>` the
 * moment each is acknowledged (submitApplication resolved: what the portal would answer the applicant with) — to be
 * killed with SIGKILL half-way by crash-during-submissions.test.ts, which then checks the database.
 * Env: DATA_DIR (PGlite, already migrated and seeded) or DATABASE_URL; BATCH (500).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { users } from "@/db/schema";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { loadActor } from "@/server/auth/actor";
import { submitApplication } from "@/server/intake/submit-application";

const batch = Number(process.env.BATCH ?? 500);
const handle = openDatabase(databaseOptionsFromEnv());
const actorOf = async (username: string) => {
  const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await loadActor(handle.db, user.id))!;
};
const [citizen, enterprise] = [await actorOf("citizen"), await actorOf("enterprise")];
process.stdout.write("ready\n");
await Promise.all(
  Array.from({ length: batch }, async (_, i) => {
    // Every other one a three-department bundle, the rest an instant service that issues a licence at once.
    const bundle = i % 2 === 0;
    const result = await submitApplication({
      db: handle.db,
      actor: bundle ? enterprise : citizen,
      subjectCode: bundle ? "BUNDLE-RESTAURANT" : "HRSS-PROOF",
      rawAnswers: bundle ? restaurantAnswers() : proofAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (result.ok) process.stdout.write(`ack ${result.caseNumber} ${bundle ? "bundle" : "instant"}\n`);
  }),
);
process.stdout.write("done\n");
