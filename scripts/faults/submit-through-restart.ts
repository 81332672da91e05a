/**
 * A process that keeps submitting, WORKERS at a time, through the one intake path until its standard input closes,
 * and prints a line for each: `ack <case number>` the moment one is acknowledged (submitApplication resolved), `fail
 * unavailable` when it failed because the database could not be reached (what a page answers with 503), `fail other
 * <message>` otherwise — for postgresql-restart.test.ts, which restarts PostgreSQL under it. It never restarts or
 * reopens its pool: recovering is the pool's own doing. Prints `done` once the last submission has answered.
 * Env: DATABASE_URL; WORKERS (8).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { isConnectionFailure } from "@/db/availability";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { users } from "@/db/schema";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { loadActor } from "@/server/auth/actor";
import { submitApplication } from "@/server/intake/submit-application";

const workers = Number(process.env.WORKERS ?? 8);
const handle = openDatabase(databaseOptionsFromEnv());
const actorOf = async (username: string) => {
  const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await loadActor(handle.db, user.id))!;
};
const [citizen, enterprise] = [await actorOf("citizen"), await actorOf("enterprise")];
let stopping = false;
process.stdin.on("end", () => (stopping = true));
process.stdin.resume();
process.stdout.write("ready\n");

await Promise.all(
  Array.from({ length: workers }, async (_, worker) => {
    for (let i = 0; !stopping; i += 1) {
      // A three-department bundle now and then, an instant service that issues a licence at once otherwise.
      const bundle = (worker + i) % 4 === 0;
      try {
        const result = await submitApplication({
          db: handle.db,
          actor: bundle ? enterprise : citizen,
          subjectCode: bundle ? "BUNDLE-RESTAURANT" : "HRSS-PROOF",
          rawAnswers: bundle ? restaurantAnswers() : proofAnswers(),
          idempotencyKey: randomUUID(),
          channel: "online",
        });
        process.stdout.write(result.ok ? `ack ${result.caseNumber}\n` : `fail other ${result.code}\n`);
      } catch (error) {
        const unavailable = isConnectionFailure(error);
        process.stdout.write(unavailable ? "fail unavailable\n" : `fail other ${(error as Error).message.split("\n")[0]}\n`);
        // While the database is away, each worker asks again at a steady pace instead of spinning.
        if (unavailable) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }),
);
await handle.close();
process.stdout.write("done\n");
