/** A service row locked for a change by the admin, inside the change's transaction; not found rolls it back. */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { services } from "@/db/schema";
import { isCatalogCode } from "@/lib/catalog/catalog-code";
import { fail, RefusalRollback } from "@/server/errors";

export async function lockService(tx: TDatabase, code: string) {
  const [service] = isCatalogCode(code) ? await tx.select().from(services).where(eq(services.code, code)).for("update") : [];
  if (!service) throw new RefusalRollback(fail("not-found:service"));
  return service;
}
