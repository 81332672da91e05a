/**
 * The dashboard's CSV download on both databases: a file Excel opens as UTF-8 (BOM), headers in the reader's
 * language, figures as numbers, a department name that looks like a formula defused; refused to everyone but
 * supervisors and admins.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { departments } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { toIsoDate } from "@/lib/calendar/working-days";
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

describe.each(testDatabaseKinds)("the supervision CSV on %s", (kind) => {
  let world: TWorld;
  const today = toIsoDate(new Date());
  const address = (query: Record<string, string>) => `http://localhost:3000/supervise/export?${new URLSearchParams(query)}`;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    useTestDatabase(world);
    // One instant proof, approved at submit today: HRSS received 1, concluded 1, approved 1, on time.
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    await world.db
      .update(departments)
      .set({ name: sql`jsonb_set(name, '{zh-Hans}', to_jsonb(${'=HYPERLINK("http://evil")'}::text))` })
      .where(eq(departments.code, "HRSS"));
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function download(username: string | null, query: Record<string, string>) {
    const actor = username ? await world.actorOf(username) : null;
    return (await callAs(world, actor, () => GET(new Request(address(query))))).outcome;
  }

  it("gives a supervisor the departments' figures as CSV with a BOM, Chinese headers and a defused formula", async () => {
    const outcome = await download("supervisor", { table: "departments", from: today, to: today });
    if (outcome.kind !== "returned") throw new Error(JSON.stringify(outcome));
    const response = outcome.value as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="supervision-departments-${today}-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(
      "部门,收件,办结,准予,不予受理,不予许可,撤回,按时办结率 (%),平均用时（工作日）,90% 用时（工作日）,补正率 (%),延期,当前超期,评价数,平均评分,不满意率（1–2 星） (%),未办结差评整改,黄牌,红牌,发出督办,待答复,逾期答复,超期未答复",
    );
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",1,1,1,0,0,0,100,0,0,0,0,0,0,,,0,0,0,0,0,0,0`);
    expect(lines[2]).toBe("");
  });

  it("gives the services' table and the volumes too", async () => {
    const services = await download("admin", { table: "services", from: today, to: today });
    const serviceText = await ((services as { value: Response }).value).text();
    expect(serviceText.split("\r\n")[0]).toMatch(/^事项,部门,收件,/);
    expect(serviceText.split("\r\n")[1]).toMatch(/^社会保险参保缴费证明,"'=HYPERLINK\(""http:\/\/evil""\)",1,1,1,/);
    const volumes = await download("supervisor", { table: "volumes", from: today, to: today });
    const volumeLines = (await ((volumes as { value: Response }).value).text()).split("\r\n");
    // (Response.text() drops the BOM, as any UTF-8 reader does; the first test reads the bytes.)
    expect(volumeLines[0]).toBe("周,收件,办结,按时办结率 (%)");
    expect(volumeLines[1]).toMatch(/^\d{4}-\d{2}-\d{2},1,1,100$/);
  });

  it("carries figures only: no answer of the cases counted, whatever its data class", async () => {
    for (const table of ["departments", "services", "volumes"]) {
      const outcome = await download("supervisor", { table, from: today, to: today });
      const csv = await ((outcome as { value: Response }).value).text();
      // The proof's answers: the applicant's name (personal), ID number (sensitive) and purpose (internal).
      for (const answer of ["张三", "310104198803124016", "4016", "home-purchase", "购房"]) expect(csv, table).not.toContain(answer);
    }
  });

  it("refuses a reversed range in the reader's language", async () => {
    const outcome = await download("supervisor", { table: "departments", from: "2026-03-02", to: "2026-03-01" });
    const response = (outcome as { value: Response }).value;
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("开始日期不能晚于结束日期。");
  });

  it("is refused to clerks, the counter and applicants, and sends nobody to sign in", async () => {
    for (const username of ["clerk-amr", "counter", "citizen", "enterprise"]) {
      expect(await download(username, { table: "departments" })).toEqual({ kind: "http-error", status: 403 });
    }
    expect(await download(null, { table: "departments" })).toMatchObject({ kind: "redirect", location: expect.stringMatching(/^\/login\?callbackUrl=%2Fsupervise%2Fexport/) });
  });
});
