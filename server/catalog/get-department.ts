import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments } from "@/db/schema";

export async function getDepartment({ db, id }: { db: TDatabase; id: string }) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  return row ?? null;
}
