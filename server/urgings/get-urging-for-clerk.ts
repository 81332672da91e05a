/**
 * One urging (督办) as a clerk of the urged department sees it: what it is about, the supervisor's message and
 * deadline, and the answer once given. Another department's urging is not found (the page answers 404).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { urgings } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { deadlineState } from "@/lib/workflow/deadline-state";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { fail } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";
import { selectUrgings } from "./urging-columns";

export async function getUrgingForClerk({ db, actor, urgingId, now = new Date() }: { db: TDatabase; actor: TActor; urgingId: string; now?: Date }) {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  if (!z.uuid().safeParse(urgingId).success) return fail("not-found:urging");
  const [urging] = await selectUrgings(db)
    .where(and(eq(urgings.id, urgingId), eq(urgings.departmentId, clerk.departmentId)))
    .limit(1);
  if (!urging) return fail("not-found:urging");
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  return { ok: true as const, urging, deadlineState: urging.answeredAt ? null : deadlineState(urging.deadline, toIsoDate(now), calendar) };
}
