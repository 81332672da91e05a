/**
 * A new case's tasks in one insert, built once per process for each number of tasks (a bundle routes to one to a
 * handful of departments) instead of drizzle assembling the multi-row insert on every submit (db/prepared.ts).
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement, type TPreparedStatement } from "@/db/prepared";
import { tasks } from "@/db/schema";

const taskColumns = ["id", "caseId", "serviceId", "departmentId", "status", "prerequisiteTaskIds", "readyOn", "dueDate", "legalDueDate", "createdAt", "updatedAt"] as const;
export type TNewTask = Required<Pick<typeof tasks.$inferInsert, (typeof taskColumns)[number]>>;

const inserts = new Map<number, TPreparedStatement<Record<string, unknown>, unknown>>();

function insertOf(count: number) {
  let insert = inserts.get(count);
  if (!insert) {
    const rows = Array.from({ length: count }, (_, index) => Object.fromEntries(taskColumns.map((column) => [column, sql.placeholder(`${column}${index}`)])));
    insert = prepareStatement(`intake.insert-tasks-${count}`, (db: TDatabase) => db.insert(tasks).values(rows as unknown as (typeof tasks.$inferInsert)[]));
    inserts.set(count, insert);
  }
  return insert;
}

export async function insertCaseTasks(tx: TDatabase, rows: TNewTask[]): Promise<void> {
  if (rows.length === 0) return;
  const values = Object.fromEntries(rows.flatMap((row, index) => taskColumns.map((column) => [`${column}${index}`, row[column]])));
  await insertOf(rows.length)(tx, values);
}
