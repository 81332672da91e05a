import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";

/** A task's version as it stands now: what a clerk's task page shows, and posts back with a decision. */
export async function currentTaskVersion(db: TDatabase, taskId: string): Promise<number> {
  const [task] = await db.select({ version: tasks.version }).from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw new Error(`no task ${taskId}`);
  return task.version;
}
