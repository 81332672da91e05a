/**
 * A clerk's department queue, one view at a time, 20 rows a page, with the count of every view for the tabs.
 *
 * Views: `unclaimed` (actionable, nobody holds it — what "claim next" takes from), `mine` (open, held by me),
 * `waiting` (waiting for the applicant's supplement), `soon-due` and `overdue` (tasks whose clock runs, by the
 * working-day calendar in Beijing time), `done` (concluded), `all` (every task that reached the department).
 * Within a view the clerk may search (name, pinyin, case number, last four of an ID or credit code) and filter
 * (service, status, due dates, channel): the counts follow the search and filters (server/workflow/queue-query.ts).
 *
 * Pages are keyset pages on (sort key, id) — due date ascending by default, decision time descending for `done` —
 * so a page costs the same however deep it is, and a task claimed meanwhile never shifts the next page. The cursor
 * is opaque (base64url JSON); one that does not parse, or belongs to another view or sort, gives the first page.
 *
 * Every view's condition is a plain comparison on indexed columns: "soon due" is turned into a date bound here
 * rather than computed per row in SQL.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { cases, companies, services, tasks, users, type TApplicantType, type TCaseChannel } from "@/db/schema";
import { taskStatuses, type TTaskKind, type TTaskStatus } from "@/lib/workflow/statuses";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TSearchRefusal } from "@/lib/text/search-text";
import { deadlineState, type TDeadlineState } from "@/lib/workflow/deadline-state";
import { actionableTaskStatuses, clockRunningStatuses, isTaskConcluded, openTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import type { TResult } from "@/server/errors";
import { readSearchTerm } from "@/lib/text/search-text";
import { cachedReference } from "@/server/reference-cache";
import { clerkDepartmentOf } from "./lock-department-task";
import {
  decodeQueueCursor,
  encodeQueueCursor,
  filterConditions,
  isCommonName,
  queueViews,
  sortPlan,
  sortsOf,
  type TQueueFilters,
  type TQueueSort,
  type TQueueView,
} from "./queue-query";

export { encodeQueueCursor, queueViews, type TQueueView } from "./queue-query";

export const QUEUE_PAGE_SIZE = 20;
/**
 * Counting a department's whole history (or a million cases' open tasks) on every page view would grow without end:
 * every view's count stops here. 100, not 1,000: at a million cases the seven tabs' counts up to 1,000 each were
 * nearly all of a view's time (12–18 ms of it; the page itself 1 ms), and "100+" tells a clerk as much.
 */
export const DONE_COUNT_CAP = 100;

const concludedStatuses: TTaskStatus[] = taskStatuses.filter(isTaskConcluded);

export type TQueueRow = {
  id: string;
  caseNumber: string;
  serviceName: TLocalizedText;
  applicantType: TApplicantType;
  /** The person who applied, or the company for a company's case. */
  applicantName: string;
  channel: TCaseChannel;
  /** An inspection after an approval on commitment is marked as one. */
  kind: TTaskKind;
  status: TTaskStatus;
  /** What a bulk claim or assignment checks was not changed since the page was shown. */
  version: number;
  dueDate: string;
  /** Only while the task's clock runs: a stopped or not yet started clock has no deadline to be late for. */
  deadline: TDeadlineState | null;
  assigneeId: string | null;
  assigneeName: string | null;
  decidedAt: Date | null;
};

export type TQueue = {
  view: TQueueView;
  /** The sort used: the one asked for if the view offers it, else the view's default. */
  sort: TQueueSort;
  /** Why the search term was not searched (a whole ID number, too long), or null. */
  searchError: TSearchRefusal | null;
  rows: TQueueRow[];
  /** The cursor this page was read after, or null on the first page (none given, or not one of ours). */
  after: string | null;
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
  /** Rows in each view under the search and filters, each at most DONE_COUNT_CAP. */
  counts: Record<TQueueView, number>;
  today: string;
};

export type TListQueueOptions = {
  db: TDatabase;
  actor: TActor;
  view: TQueueView;
  filters?: TQueueFilters;
  sort?: TQueueSort;
  cursor?: string | null;
  now?: Date;
  pageSize?: number;
};

const applicants = alias(users, "applicants");

export async function listQueue(options: TListQueueOptions): Promise<TResult<TQueue>> {
  const { db, actor, view, filters = {}, cursor, now = new Date(), pageSize = QUEUE_PAGE_SIZE } = options;
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const today = toIsoDate(now);
  // deadlineState calls a task soon due while at most 2 working days remain, i.e. up to the day before the 3rd
  // working day after today (a weekend after the 2nd working day still counts 2).
  const soonDueBefore = addWorkingDays(today, 3, calendar);

  const viewConditions: Record<TQueueView, SQL> = {
    unclaimed: and(isNull(tasks.assigneeId), inArray(tasks.status, actionableTaskStatuses))!,
    mine: and(eq(tasks.assigneeId, actor.id), inArray(tasks.status, openTaskStatuses))!,
    waiting: eq(tasks.status, "supplement-requested"),
    "soon-due": and(inArray(tasks.status, clockRunningStatuses), gte(tasks.dueDate, today), lt(tasks.dueDate, soonDueBefore))!,
    overdue: and(inArray(tasks.status, clockRunningStatuses), lt(tasks.dueDate, today))!,
    done: and(inArray(tasks.status, concludedStatuses), isNotNull(tasks.decidedAt))!,
    all: ne(tasks.status, "pending"),
  };
  const offered = sortsOf(view);
  const sort = options.sort && offered.includes(options.sort) ? options.sort : offered[0];
  const plan = sortPlan(sort);
  const search = filters.q ? readSearchTerm(filters.q) : null;
  const commonName = search?.ok === true && search.name.length > 0 && (await isCommonName(db, search.name));
  const narrowed = filterConditions(filters, { commonName });

  const after = decodeQueueCursor(cursor, view, sort);

  const found = await db
    .select({
      id: tasks.id,
      caseNumber: cases.number,
      serviceName: services.name,
      applicantType: cases.applicantType,
      applicantName: sql<string>`coalesce(${companies.name}, ${applicants.displayName})`,
      channel: cases.channel,
      kind: tasks.kind,
      status: tasks.status,
      version: tasks.version,
      dueDate: tasks.dueDate,
      assigneeId: tasks.assigneeId,
      assigneeName: users.displayName,
      decidedAt: tasks.decidedAt,
      sortKey: plan.key,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(applicants, eq(applicants.id, cases.applicantId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.departmentId, departmentId), viewConditions[view], narrowed.where, after ? plan.after(after) : undefined))
    .orderBy(...plan.orderBy)
    .limit(pageSize + 1);

  const page = found.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = found.length > pageSize && last?.sortKey ? encodeQueueCursor({ view, sort, key: last.sortKey, id: last.id } as TQueueCursorOf) : null;
  const rows = page.map(({ sortKey: _key, ...row }) => ({
    ...row,
    deadline: clockRunningStatuses.includes(row.status) ? deadlineState(row.dueDate, today, calendar) : null,
  }));

  return {
    ok: true as const,
    view,
    sort,
    searchError: narrowed.search && !narrowed.search.ok ? narrowed.search.code : null,
    rows,
    after: after ? encodeQueueCursor(after) : null,
    nextCursor,
    // A common name's matches are counted view by view along each view's index, capped like the views without a search.
    counts: await countViews(db, departmentId, viewConditions, narrowed.where, narrowed.search?.ok === true && !commonName),
    today,
  };
}

type TQueueCursorOf = Parameters<typeof encodeQueueCursor>[0];

async function countViews(
  db: TDatabase,
  departmentId: string,
  filters: Record<TQueueView, SQL>,
  narrow: SQL | undefined,
  searching: boolean,
): Promise<Record<TQueueView, number>> {
  // Searching or filtering needs the case and the service; without, the counts read the tasks alone.
  const from = <T extends PgSelect>(query: T) =>
    narrow ? query.innerJoin(cases, eq(cases.id, tasks.caseId)).innerJoin(services, eq(services.id, tasks.serviceId)) : query;
  if (searching) {
    // A search term's cases come from the search indexes, a few thousand at most (a company's every case): all the
    // views in one pass over them, where a count per view would find them seven times over.
    const count = (filter: SQL) => sql<number>`least((count(*) filter (where ${filter}))::int, ${DONE_COUNT_CAP})`;
    const [row] = await from(
      db
        .select({
          unclaimed: count(filters.unclaimed),
          mine: count(filters.mine),
          waiting: count(filters.waiting),
          soonDue: count(filters["soon-due"]),
          overdue: count(filters.overdue),
          done: count(filters.done),
          all: count(filters.all),
        })
        .from(tasks)
        .$dynamic(),
    ).where(and(eq(tasks.departmentId, departmentId), narrow));
    return { unclaimed: row.unclaimed, mine: row.mine, waiting: row.waiting, "soon-due": row.soonDue, overdue: row.overdue, done: row.done, all: row.all };
  }
  // Each view counted up to the cap, along its own index, in one statement: one pass over the department's open
  // tasks grew with them (≈ 8 ms at 100,000 cases, ten times that at a million); a capped count reads at most
  // DONE_COUNT_CAP index entries whatever the department's size.
  const capped = (filter: SQL) =>
    sql<number>`(select count(*)::int from (${from(db.select({ id: tasks.id }).from(tasks).$dynamic())
      .where(and(eq(tasks.departmentId, departmentId), filter, narrow))
      .limit(DONE_COUNT_CAP)
      .getSQL()}) as capped)`;
  const [row] = await db
    .select({
      unclaimed: capped(filters.unclaimed),
      mine: capped(filters.mine),
      waiting: capped(filters.waiting),
      soonDue: capped(filters["soon-due"]),
      overdue: capped(filters.overdue),
      done: capped(filters.done),
      all: capped(filters.all),
    })
    .from(sql`(select 1) as one`);
  return { unclaimed: row.unclaimed, mine: row.mine, waiting: row.waiting, "soon-due": row.soonDue, overdue: row.overdue, done: row.done, all: row.all };
}
