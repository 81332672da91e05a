/**
 * A clerk's department queue, one view at a time, 20 rows a page, with the count of every view for the tabs.
 *
 * Views: `unclaimed` (actionable, nobody holds it — what "claim next" takes from), `mine` (open, held by me),
 * `waiting` (waiting for the applicant's supplement), `soon-due` and `overdue` (tasks whose clock runs, by the
 * working-day calendar in Beijing time), `done` (concluded, newest first).
 *
 * Pages are keyset pages on (due_date, id) ascending — (decided_at, id) descending for `done` — so a page costs the
 * same however deep it is, and a task claimed meanwhile never shifts the next page. The cursor is opaque
 * (base64url JSON); one that does not parse, or belongs to another view, gives the first page.
 *
 * Every view's condition is a plain comparison on indexed columns: "soon due" is turned into a date bound here
 * rather than computed per row in SQL.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks, users, type TApplicantType } from "@/db/schema";
import { taskStatuses, type TTaskStatus } from "@/lib/workflow/statuses";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { decodeCursor, encodeCursor, ZCursorDate, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { deadlineState, type TDeadlineState } from "@/lib/workflow/deadline-state";
import { actionableTaskStatuses, clockRunningStatuses, isTaskConcluded, openTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import type { TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { clerkDepartmentOf } from "./lock-department-task";

export const queueViews = ["unclaimed", "mine", "waiting", "soon-due", "overdue", "done"] as const;
export type TQueueView = (typeof queueViews)[number];

export const QUEUE_PAGE_SIZE = 20;
/** Counting a department's whole history on every page view would grow without end: the done tab stops here. */
export const DONE_COUNT_CAP = 1000;

const concludedStatuses: TTaskStatus[] = taskStatuses.filter(isTaskConcluded);

export type TQueueRow = {
  id: string;
  caseNumber: string;
  serviceName: TLocalizedText;
  applicantType: TApplicantType;
  status: TTaskStatus;
  dueDate: string;
  /** Only while the task's clock runs: a stopped or not yet started clock has no deadline to be late for. */
  deadline: TDeadlineState | null;
  assigneeId: string | null;
  assigneeName: string | null;
  decidedAt: Date | null;
};

export type TQueue = {
  view: TQueueView;
  rows: TQueueRow[];
  /** The cursor this page was read after, or null on the first page (none given, or not one of ours). */
  after: string | null;
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
  /** Rows in each view; `done` is at most DONE_COUNT_CAP. */
  counts: Record<TQueueView, number>;
  today: string;
};

export type TListQueueOptions = { db: TDatabase; actor: TActor; view: TQueueView; cursor?: string | null; now?: Date; pageSize?: number };

export async function listQueue({ db, actor, view, cursor, now = new Date(), pageSize = QUEUE_PAGE_SIZE }: TListQueueOptions): Promise<TResult<TQueue>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const today = toIsoDate(now);
  // deadlineState calls a task soon due while at most 2 working days remain, i.e. up to the day before the 3rd
  // working day after today (a weekend after the 2nd working day still counts 2).
  const soonDueBefore = addWorkingDays(today, 3, calendar);

  const filters: Record<TQueueView, SQL> = {
    unclaimed: and(isNull(tasks.assigneeId), inArray(tasks.status, actionableTaskStatuses))!,
    mine: and(eq(tasks.assigneeId, actor.id), inArray(tasks.status, openTaskStatuses))!,
    waiting: eq(tasks.status, "supplement-requested"),
    "soon-due": and(inArray(tasks.status, clockRunningStatuses), gte(tasks.dueDate, today), lt(tasks.dueDate, soonDueBefore))!,
    overdue: and(inArray(tasks.status, clockRunningStatuses), lt(tasks.dueDate, today))!,
    done: and(inArray(tasks.status, concludedStatuses), isNotNull(tasks.decidedAt))!,
  };

  const after = decodeQueueCursor(cursor, view);
  const keyset = !after
    ? undefined
    : view === "done"
      ? sql`(${tasks.decidedAt}, ${tasks.id}) < (timestamptz 'epoch' + ${after.key}::bigint * interval '1 microsecond', ${after.id}::uuid)`
      : sql`(${tasks.dueDate}, ${tasks.id}) > (${after.key}::date, ${after.id}::uuid)`;
  const order = view === "done" ? [desc(tasks.decidedAt), desc(tasks.id)] : [asc(tasks.dueDate), asc(tasks.id)];

  const found = await db
    .select({
      id: tasks.id,
      caseNumber: cases.number,
      serviceName: services.name,
      applicantType: cases.applicantType,
      status: tasks.status,
      dueDate: tasks.dueDate,
      assigneeId: tasks.assigneeId,
      assigneeName: users.displayName,
      decidedAt: tasks.decidedAt,
      // The exact instant for the cursor: a JavaScript Date would drop PostgreSQL's microseconds.
      decidedAtMicros: sql<string | null>`(extract(epoch from ${tasks.decidedAt}) * 1000000)::bigint::text`,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.departmentId, departmentId), filters[view], keyset))
    .orderBy(...order)
    .limit(pageSize + 1);

  const page = found.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor =
    found.length > pageSize && last
      ? encodeQueueCursor({ view, key: view === "done" ? last.decidedAtMicros! : last.dueDate, id: last.id })
      : null;
  const rows = page.map(({ decidedAtMicros: _micros, ...row }) => ({
    ...row,
    deadline: clockRunningStatuses.includes(row.status) ? deadlineState(row.dueDate, today, calendar) : null,
  }));

  return { ok: true as const, view, rows, after: after ? encodeQueueCursor(after) : null, nextCursor, counts: await countViews(db, departmentId, filters), today };
}

async function countViews(db: TDatabase, departmentId: string, filters: Record<TQueueView, SQL>): Promise<Record<TQueueView, number>> {
  const count = (filter: SQL) => sql<number>`(count(*) filter (where ${filter}))::int`;
  // The open views in one pass over the department's open tasks (tasks_queue_idx).
  const [open] = await db
    .select({
      unclaimed: count(filters.unclaimed),
      mine: count(filters.mine),
      waiting: count(filters.waiting),
      soonDue: count(filters["soon-due"]),
      overdue: count(filters.overdue),
    })
    .from(tasks)
    .where(and(eq(tasks.departmentId, departmentId), inArray(tasks.status, openTaskStatuses)));
  const capped = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.departmentId, departmentId), filters.done))
    .limit(DONE_COUNT_CAP)
    .as("capped");
  const [done] = await db.select({ count: sql<number>`count(*)::int` }).from(capped);
  return { unclaimed: open.unclaimed, mine: open.mine, waiting: open.waiting, "soon-due": open.soonDue, overdue: open.overdue, done: done.count };
}

/** The position after the last row of a page: the decision instant for `done`, else the due date; and the id. */
const ZQueueCursor = z.union([
  z.object({ view: z.literal("done"), key: ZCursorInstant, id: ZCursorId }),
  z.object({ view: z.enum(queueViews.filter((view) => view !== "done") as [TQueueView, ...TQueueView[]]), key: ZCursorDate, id: ZCursorId }),
]);
export type TQueueCursor = z.infer<typeof ZQueueCursor>;

export function encodeQueueCursor(cursor: TQueueCursor): string {
  return encodeCursor(cursor);
}

/** The cursor if it is one of ours and belongs to this view; anything else means "first page". */
export function decodeQueueCursor(raw: string | null | undefined, view: TQueueView): TQueueCursor | null {
  const cursor = decodeCursor(raw, ZQueueCursor);
  return cursor?.view === view ? cursor : null;
}
