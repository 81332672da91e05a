/**
 * The scale loader on PostgreSQL (it refuses PGlite): a small load must look, to the portal's own code, like data
 * the use cases wrote — trails that verify, case statuses the transition rules derive, every service and status in
 * plausible shares, answers that validate, the dashboards and lists running over it — and the same seed must give
 * the same rows.
 */
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { cases, formDefinitions, tasks, users } from "@/db/schema";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { regionLookup } from "@/lib/regions/regions";
import { caseStatusOf } from "@/lib/workflow/task-transitions";
import type { TTaskStatus } from "@/lib/workflow/statuses";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { loadActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { describeApplicant } from "@/server/cases/describe-applicant";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";
import { listMyCases } from "@/server/cases/list-my-cases";
import { computeSupervisionFigures, type TSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { verifyCaseDocument } from "@/server/documents/verify-case-document";
import { verifyLicence } from "@/server/licences/verify-licence";
import { listQueue } from "@/server/workflow/list-queue";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { indexWorkingDays } from "./reference";
import { dayOf } from "./plan-case";
import { runSeedLoad } from "./run-seed-load";

// Monday 23 November 2026, 10:00 in Beijing: the moment the loaded data is "as of".
const now = new Date("2026-11-23T02:00:00Z");
const count = 400;

/**
 * A digest of what the load wrote. Left out: the identity column the database numbers, and what names the demo
 * seed's own random ids (applicants, clerks, forms, departments, and so the events' hashes and the documents'
 * signatures, which cover them).
 */
async function digest(world: TWorld) {
  // Answers are compared as read, since their personal numbers are sealed under a fresh nonce each time (decision 041).
  const answers = await world.db.select({ answers: cases.answers }).from(cases).orderBy(asc(cases.id));
  const [row] = await executeRows<{ cases: string; tasks: string; events: string; licences: string; documents: string }>(
    world.db,
    sql`select
      (select md5(string_agg(concat_ws('|', id, number, status, subject_code, channel, applicant_search, submitted_at, concluded_at), ',' order by id)) from cases) as cases,
      (select md5(string_agg(concat_ws('|', id, status, ready_on, due_date, legal_due_date, extension_status, decided_at, version), ',' order by id)) from tasks) as tasks,
      (select md5(string_agg(concat_ws('|', case_id, task_id, kind, data::text, public, created_at), ',' order by case_id, id)) from case_events) as events,
      (select md5(string_agg(concat_ws('|', id, number, signature), ',' order by id)) from licences where case_id is not null) as licences,
      (select md5(string_agg(concat_ws('|', id, number, kind, content::text, issued_at), ',' order by id)) from case_documents) as documents`,
  );
  return { ...row, answers: createHash("sha256").update(JSON.stringify(answers)).digest("hex") };
}

describe.runIf(process.env.TEST_DATABASE_URL)("seed:load on PostgreSQL", () => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld("postgresql");
    await runSeedLoad({ handle: world, cases: count, now, batchSize: 120 });
  }, 60_000);
  afterAll(async () => {
    await world?.drop();
  });

  it("writes trails whose hash chains the portal's verifier accepts", async () => {
    const result = await verifyAllCaseTrails({ db: world.db });
    expect(result.broken).toEqual([]);
    expect(result.cases).toBe(count);
    expect(result.events).toBeGreaterThan(count * 4);
  });

  it("derives every case's status from its tasks by the transition rules", async () => {
    const rows = await world.db.select({ caseId: tasks.caseId, status: tasks.status, kind: tasks.kind, caseStatus: cases.status, concludedAt: cases.concludedAt }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId));
    const byCase = new Map<string, typeof rows>();
    for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
    expect(byCase.size).toBe(count);
    for (const caseTasks of byCase.values()) {
      const derived = caseStatusOf(caseTasks);
      expect(caseTasks[0].caseStatus).toBe(derived);
      expect(caseTasks[0].concludedAt !== null).toBe(derived === "concluded" || derived === "withdrawn");
    }
  });

  it("uses every service and bundle, with task statuses in realistic shares", async () => {
    const subjects = await executeRows<{ code: string; n: number }>(world.db, sql`select subject_code as code, count(*)::int as n from cases group by 1`);
    const catalog = await executeRows<{ code: string }>(world.db, sql`select code from services union select code from bundles`);
    expect(subjects.map((row) => row.code).sort()).toEqual(catalog.map((row) => row.code).sort());
    const services = await executeRows<{ n: number }>(world.db, sql`select count(distinct service_id)::int as n from tasks`);
    expect(services[0].n).toBe((await executeRows(world.db, sql`select id from services`)).length);

    const shares = Object.fromEntries((await executeRows<{ status: TTaskStatus; n: number }>(world.db, sql`select status, count(*)::int as n from tasks group by 1`)).map((row) => [row.status, row.n]));
    const total = Object.values(shares).reduce((sum, n) => sum + n, 0);
    expect(shares.approved / total).toBeGreaterThan(0.6);
    expect(shares.approved).toBeGreaterThan(5 * ((shares.refused ?? 0) + (shares.rejected ?? 0) + (shares.withdrawn ?? 0)));
    for (const status of ["waiting", "accepted", "refused", "rejected"] as const) expect(shares[status] ?? 0, status).toBeGreaterThan(0);
    // Some open work is overdue now; supplements, extensions, ratings and follow-ups exist, the bad ones among them.
    const [extra] = await executeRows<Record<string, number>>(
      world.db,
      sql`select
        (select count(*)::int from tasks where status in ('waiting', 'accepted', 'supplement-received') and due_date < '2026-11-23') as overdue,
        (select count(*)::int from supplement_requests where status = 'answered') as supplements,
        (select count(*)::int from tasks where extension_status is not null) as extensions,
        (select count(*)::int from ratings) as ratings,
        (select count(*)::int from ratings where overall <= 2) as bad,
        (select count(*)::int from rating_follow_ups) as follow_ups,
        (select count(*)::int from licences where case_id is not null) as licences`,
    );
    expect(extra.overdue).toBeGreaterThan(0);
    expect(extra.supplements).toBeGreaterThan(0);
    expect(extra.extensions).toBeGreaterThan(0);
    expect(extra.ratings).toBeGreaterThan(count * 0.2);
    expect(extra.follow_ups).toBeGreaterThanOrEqual(extra.bad);
    expect(extra.licences).toBeGreaterThan(count * 0.3);
  });

  it("gives the demo citizen and company a heavy share, and due dates in working days", async () => {
    const [citizen] = await world.db.select({ id: users.id }).from(users).where(eq(users.username, "citizen"));
    const [own] = await executeRows<{ n: number }>(world.db, sql`select count(*)::int as n from cases where applicant_id = ${citizen.id}`);
    expect(own.n).toBeGreaterThan(count * 0.1);
    const calendar = await loadCalendar(world.db);
    const days = indexWorkingDays(calendar, "2024-11-01", "2027-12-31");
    const sample = await executeRows<{ ready_on: string; due_date: string; promised: number; extension: number | null; stopped: boolean }>(
      world.db,
      sql`select t.ready_on::text, t.due_date::text, s.promised_limit_days as promised, case when t.extension_status = 'approved' then t.extension_days end as extension,
        exists (select 1 from supplement_requests r where r.task_id = t.id) as stopped
        from tasks t join services s on s.id = t.service_id where t.ready_on is not null order by t.id limit 200`,
    );
    for (const row of sample.filter((task) => !task.stopped && task.extension === null)) {
      expect(row.due_date).toBe(addWorkingDays(row.ready_on, row.promised, calendar));
      expect(days.add(row.ready_on, row.promised)).toBe(row.due_date);
    }
  });

  it("keeps the applicant's search text and ID tail as describe-applicant writes them", async () => {
    const sample = await world.db.select({ applicantId: cases.applicantId, companyId: cases.companyId, applicantSearch: cases.applicantSearch, applicantIdTail: cases.applicantIdTail }).from(cases).orderBy(cases.id).limit(80);
    expect(sample.some((row) => row.companyId !== null)).toBe(true);
    for (const row of sample) {
      expect(await describeApplicant({ db: world.db, applicantId: row.applicantId, companyId: row.companyId })).toEqual({ applicantSearch: row.applicantSearch, applicantIdTail: row.applicantIdTail });
    }
  });

  it("stores answers that validate against the form version the case points at (materials aside)", async () => {
    const sample = await world.db.select({ answers: cases.answers, submittedAt: cases.submittedAt, definition: formDefinitions.definition }).from(cases).innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId)).limit(60);
    for (const row of sample) {
      const validation = validateAnswers(row.definition, row.answers, { today: dayOf(now), regions: regionLookup });
      const materialKeys = new Set(row.definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.filter((field) => field.type === "material").map((field) => field.key))));
      expect(Object.keys(validation.errors).filter((path) => !materialKeys.has(path.split(".")[0]))).toEqual([]);
    }
  });

  it("signs licences that verify", async () => {
    const sample = await executeRows<{ id: string }>(world.db, sql`select id from licences where case_id is not null order by id limit 5`);
    for (const { id } of sample) {
      const verified = await verifyLicence({ db: world.db, licenceId: id, today: dayOf(now) });
      // A proof valid for months may have expired by now; what matters is that its signature holds (not "forged").
      expect(["valid", "expired"]).toContain(verified.state);
    }
  });

  it("issues the notices and decisions of each step, numbered per department and year, genuine at /verify/documents", async () => {
    const kinds = Object.fromEntries((await executeRows<{ kind: string; n: number }>(world.db, sql`select kind, count(*)::int as n from case_documents group by 1`)).map((row) => [row.kind, row.n]));
    for (const kind of ["acceptance-notice", "refusal-notice", "supplement-notice", "approval-decision", "rejection-decision"]) expect(kinds[kind] ?? 0, kind).toBeGreaterThan(0);
    // Each counter stands at the last number given, so the portal's next document follows on.
    const [counters] = await executeRows<{ behind: number }>(world.db, sql`select count(*)::int as behind from document_number_counters c where c.last_value <> (select max(sequence) from case_documents d where d.department_id = c.department_id and d.year = c.year)`);
    expect(counters.behind).toBe(0);
    const sample = await executeRows<{ id: string }>(world.db, sql`select id from case_documents order by id limit 5`);
    for (const { id } of sample) expect((await verifyCaseDocument({ db: world.db, documentId: id })).state).toBe("genuine");
  });

  it("runs the supervision figures, the desk queue and /me over it", async () => {
    const supervisor = (await loadActor(world.db, (await world.db.select({ id: users.id }).from(users).where(eq(users.username, "supervisor")))[0].id))!;
    const figures = await computeSupervisionFigures({ db: world.db, actor: supervisor, range: { from: "2025-11-24", to: "2026-11-23" }, group: "department", now });
    if (!figures.ok) throw new Error(figures.code);
    // Every department received work over the year; most of it was concluded, mostly on time, rated mostly well.
    expect(figures.rows.map((row) => row.departmentCode).sort()).toEqual(["AMR", "ENV", "FIRE", "HEALTH", "HRSS", "MEDINS", "POLICE", "TAX", "URBAN"]);
    const sum = (pick: (row: TSupervisionFigures) => number) => figures.rows.reduce((total, row) => total + pick(row), 0);
    expect(sum((row) => row.received)).toBeGreaterThan(count * 0.3);
    expect(sum((row) => row.concluded)).toBeGreaterThan(sum((row) => row.received) * 0.7);
    for (const row of figures.rows.filter((candidate) => candidate.concluded >= 10)) {
      expect(row.onTimeRate!, row.departmentCode).toBeGreaterThan(0.6);
      expect(row.averageDays!, row.departmentCode).toBeGreaterThanOrEqual(0);
    }
    expect(sum((row) => row.ratings)).toBeGreaterThan(0);
    // Each department's clerk finds a queue: unclaimed, their own, overdue — in all, some work.
    const clerks = await world.db.select({ id: users.id }).from(users).where(eq(users.role, "clerk"));
    let queued = 0;
    for (const { id } of clerks) {
      const clerk = (await loadActor(world.db, id))!;
      for (const view of ["unclaimed", "mine", "overdue", "done"] as const) {
        const page = await listQueue({ db: world.db, actor: clerk, view, now });
        if (!page.ok) throw new Error(page.code);
        queued += page.rows.length;
      }
    }
    expect(queued).toBeGreaterThan(count * 0.1);
    const citizen = (await loadActor(world.db, (await world.db.select({ id: users.id }).from(users).where(eq(users.username, "citizen")))[0].id))!;
    const list = await listMyCases({ db: world.db, actor: citizen });
    expect(list.cases.length).toBeGreaterThan(0);
    expect(list.counts.all).toBeGreaterThan(count * 0.1);
  });

  it("writes personal numbers sealed, as the portal's columns do (decision 041)", async () => {
    const [clear] = await executeRows<{ answers: number; people: number; licences: number }>(
      world.db,
      sql`select
        (select count(*)::int from cases where answers::text ~ '(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)|[0-9]{17}[0-9Xx]') as answers,
        (select count(*)::int from users where resident_id_number not like 'ode1:%' or mobile not like 'ode1:%' or (resident_id_number is not null and resident_id_index is null)) as people,
        (select count(*)::int from licences where holder_id_number not like 'ode1:%') as licences`,
    );
    expect(clear).toEqual({ answers: 0, people: 0, licences: 0 });
  });

  it("gives the same rows for the same seed", async () => {
    const again = await openSeededWorld("postgresql");
    try {
      await runSeedLoad({ handle: again, cases: count, now, batchSize: 120 });
      expect(await digest(again)).toEqual(await digest(world));
    } finally {
      await again.drop();
    }
  }, 60_000);
});
