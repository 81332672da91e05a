/**
 * Run with tsx by the admin outbox journey, on a DATA_DIR that setup has seeded and no server holds yet: three
 * notifications whose e-mail copies were refused at every attempt (seed/seed-dead-letter.ts), two to people and one
 * to the demo company. Prints their ids.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { seedDeadLetter } from "@/seed/seed-dead-letter";

async function main() {
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    const service = { "zh-Hans": "社会保险参保缴费证明", "zh-Hant": "社會保險參保繳費證明", en: "Proof of social insurance contributions" };
    const first = await seedDeadLetter(handle.db, { username: "citizen2", email: "lisi@example.cn", caseNumber: "OD-20260105-000101", service });
    const second = await seedDeadLetter(handle.db, { username: "citizen", email: "zhangsan@example.cn", caseNumber: "OD-20260105-000102", service });
    const third = await seedDeadLetter(handle.db, { username: "enterprise", email: "wangwu@example.cn", caseNumber: "OD-20260105-000103", service, toCompany: true });
    // Marked, since the worker's own log lines (each failed attempt) share this output and may come after it.
    console.log(`dead letters: ${JSON.stringify([first, second, third])}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
