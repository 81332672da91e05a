/**
 * The open data on both databases: CSV that Excel opens as UTF-8 (BOM) with the documented fields as its header and
 * a formula defused; JSON with the same records; the data package describing every field; unknown files not found;
 * the same answer for nobody and for anyone signed in.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { departments, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { toIsoDate } from "@/lib/calendar/working-days";
import { openDataFields } from "@/lib/statistics/open-data-fields";
import { proofAnswers } from "@/seed/sample-answers";
import { callAs, useTestDatabase } from "@/server/testing/call-action";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { GET } from "./route";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
vi.mock("next-intl/server", async (original) => (await import("@/server/testing/call-action")).nextIntlStub(await original()));
vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));

describe.each(testDatabaseKinds)("the open data on %s", (kind) => {
  let world: TWorld;
  let caseNumber: string;
  const today = toIsoDate(new Date());
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    useTestDatabase(world);
    await world.db.update(users).set({ displayName: "=SUM(A1)" }).where(eq(users.username, "citizen"));
    // One instant proof, approved at submit today: HRSS received 1, concluded 1, approved 1, on time, 0 days.
    ({ caseNumber } = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() }));
    await world.db
      .update(departments)
      .set({ name: sql`jsonb_set(name, '{zh-Hans}', to_jsonb(${'=HYPERLINK("http://evil")'}::text))` })
      .where(eq(departments.code, "HRSS"));
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function download(file: string, username: string | null = null) {
    const actor = username ? await world.actorOf(username) : null;
    return (await callAs(world, actor, () => GET(new Request(`http://localhost:3000/statistics/data/${file}`), { params: Promise.resolve({ file }) }))).outcome;
  }
  async function responseOf(file: string, username: string | null = null) {
    const outcome = await download(file, username);
    if (outcome.kind !== "returned") throw new Error(JSON.stringify(outcome));
    return outcome.value as Response;
  }

  it("gives anyone the departments as CSV: BOM, the documented fields, a row a period, a formula defused", async () => {
    const response = await responseOf("departments.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="departments.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(openDataFields.departments.map((field) => field.name).join(","));
    expect(lines[0]).toBe(
      "period,period_from,period_to,department_code,department_name_zh_hans,department_name_zh_hant,department_name_en,received,concluded,approved,refused,rejected,withdrawn,on_time_rate_percent,average_handling_working_days,p90_handling_working_days,ratings,rating_average,satisfied_percent",
    );
    const month = `${today.slice(0, 7)}-01`;
    expect(lines[1]).toMatch(new RegExp(`^month,${month},${today.slice(0, 7)}-\\d\\d,HRSS,"'=HYPERLINK\\(""http://evil""\\)",[^,]+,[^,]+,1,1,1,0,0,0,100,0,0,0,,$`));
    expect(lines[2]).toMatch(new RegExp(`^year,${today.slice(0, 4)}-01-01,${today.slice(0, 4)}-12-31,HRSS,`));
    expect(lines[3]).toBe("");
  });

  it("gives the same records as JSON, and the concluded cases masked, the name's formula defused in CSV", async () => {
    const json = await (await responseOf("services.json", "citizen2")).json();
    expect(json).toMatchObject({ table: "services", licence: { name: "CC-BY-4.0" }, schema: "/statistics/data/datapackage.json", fields: openDataFields.services.map((field) => field.name) });
    expect(json.records).toHaveLength(2);
    expect(json.records[0]).toMatchObject({ period: "month", service_code: "HRSS-PROOF", department_code: "HRSS", received: 1, concluded: 1, approved: 1, on_time_rate_percent: 100, average_handling_working_days: 0, ratings: 0, rating_average: null, satisfied_percent: null });
    const cases = await (await responseOf("cases-concluded.json")).json();
    expect(cases.records).toEqual([
      { case_number: caseNumber, subject_type: "service", subject_code: "HRSS-PROOF", subject_name_zh_hans: "社会保险参保缴费证明", subject_name_zh_hant: expect.any(String), subject_name_en: expect.any(String), applicant_kind: "person", applicant_masked: "=*******", result: "approved", concluded_on: today },
    ]);
    const csv = (await (await responseOf("cases-concluded.csv")).text()).split("\r\n");
    expect(csv[0]).toBe("case_number,subject_type,subject_code,subject_name_zh_hans,subject_name_zh_hant,subject_name_en,applicant_kind,applicant_masked,result,concluded_on");
    expect(csv[1]).toMatch(new RegExp(`^${caseNumber},service,HRSS-PROOF,社会保险参保缴费证明,.*,person,'=\\*{7},approved,${today}$`));
  });

  it("describes every field of every file in its data package", async () => {
    const described = await (await responseOf("datapackage.json")).json();
    expect(described.licenses).toEqual([expect.objectContaining({ name: "CC-BY-4.0" })]);
    expect(described.resources.map((resource: { path: string }) => resource.path)).toEqual([
      "/statistics/data/departments.csv",
      "/statistics/data/departments.json",
      "/statistics/data/services.csv",
      "/statistics/data/services.json",
      "/statistics/data/cases-concluded.csv",
      "/statistics/data/cases-concluded.json",
    ]);
    for (const resource of described.resources) {
      for (const field of resource.schema.fields) expect(field).toEqual({ name: expect.any(String), type: expect.stringMatching(/^(string|integer|number|date)$/), title: expect.any(String), description: expect.any(String) });
    }
  });

  it("answers not found for any other file, and the same files to staff as to nobody", async () => {
    for (const file of ["departments.xlsx", "users.csv", "departments", "../departments.csv", "datapackage.csv"]) {
      expect(await download(file)).toEqual({ kind: "http-error", status: 404 });
    }
    const asSupervisor = await (await responseOf("departments.json", "supervisor")).json();
    const asNobody = await (await responseOf("departments.json")).json();
    expect(asSupervisor.records).toEqual(asNobody.records);
  });
});
