/**
 * Run with tsx by the unified identity journey, on a DATA_DIR that setup has seeded and no server holds yet: a case
 * of 张三's (he has a password account), and a walk-in, 孙八, recorded at the counter through the counter's own use
 * case, with a case filed there for him — he has no account of the portal until he signs in through the provider.
 * Prints both case numbers.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { cases, users } from "@/db/schema";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { loadActor } from "@/server/auth/actor";
import { recordPerson } from "@/server/counter/record-person";

async function main() {
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    const db = handle.db;
    const [counterUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, "counter"));
    const counter = await loadActor(db, counterUser.id);
    const walkIn = await recordPerson({ db, actor: counter!, input: { name: "孙八", residentIdNumber: "310104197506151232", mobile: "" } });
    if (!walkIn.ok) throw new Error(`recording the walk-in: ${walkIn.code}`);
    await seedQueueTasks(db, { departmentCode: "HRSS", count: 1, applicantId: walkIn.id, channel: "counter" });
    await seedQueueTasks(db, { departmentCode: "HEALTH", count: 1, applicant: "citizen" });
    const [zhangSan] = await db.select({ id: users.id }).from(users).where(eq(users.username, "citizen"));
    const numberOf = async (applicantId: string) => (await db.select({ number: cases.number }).from(cases).where(eq(cases.applicantId, applicantId)))[0].number;
    console.log(JSON.stringify({ zhangSanCase: await numberOf(zhangSan.id), walkInCase: await numberOf(walkIn.id) }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
