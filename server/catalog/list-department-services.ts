/** The services a department handles, by code: what the desk's service filter offers. */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";

export async function listDepartmentServices({ db, departmentId }: { db: TDatabase; departmentId: string }): Promise<{ code: string; name: TLocalizedText }[]> {
  return db.select({ code: services.code, name: services.name }).from(services).where(eq(services.departmentId, departmentId)).orderBy(asc(services.code));
}
