/**
 * Run with tsx by the desk queue journey, on a DATA_DIR that setup has seeded and no server holds yet: a busy
 * health-insurance (MEDINS) queue — 张三's three tasks (one filed at the counter), 李四's two — a second MEDINS clerk
 * to assign to, and a task of 张三's in the fire department's queue. Prints the fire task's id.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";

async function main() {
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    const db = handle.db;
    await seedUser(db, { username: "clerk-medins2", role: "clerk", displayName: "孙医保", departmentCode: "MEDINS" });
    await seedQueueTasks(db, { departmentCode: "MEDINS", count: 2, applicant: "citizen", dueDateSpread: 2 });
    await seedQueueTasks(db, { departmentCode: "MEDINS", count: 1, applicant: "citizen", channel: "counter" });
    await seedQueueTasks(db, { departmentCode: "MEDINS", count: 2, applicant: "citizen2" });
    const [fireTask] = await seedQueueTasks(db, { departmentCode: "FIRE", count: 1, applicant: "citizen" });
    console.log(JSON.stringify({ fireTask }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
