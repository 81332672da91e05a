/**
 * What a copy of the database gives away, on both databases: the demo data and new applications — a sensitive
 * answer and upload, a mobile typed into a note, ID numbers in a group, a draft, a licence, a person recorded at the counter,
 * the staff's second-factor secrets — and then every table read as text, and the engine's own copy (pg_dump's
 * plain output; PGlite's data directory, pages and WAL), searched for each number and secret in clear. None is
 * there; yet every use case still reads them as they were given.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/db/backup";
import { executeRows } from "@/db/execute-rows";
import { cases, drafts, licences, staffTwoFactor, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { t } from "@/lib/i18n/traditional";
import { ZMaterialField, type TFormDefinitionInput } from "@/lib/forms/definition";
import { DEMO_TWO_FACTOR_SECRET } from "@/seed/demo-two-factor";
import { seedService } from "@/seed/factories";
import { proofAnswers } from "@/seed/sample-answers";
import { findApplicant } from "@/server/counter/find-applicant";
import { openMaterialForApplicant } from "@/server/materials/open-material-for-applicant";
import { storeUpload } from "@/server/materials/store-upload";
import { onePixelPng } from "@/server/testing/access-world";
import { recordPerson } from "@/server/counter/record-person";
import { saveDraftPage } from "@/server/drafts/save-draft-page";
import { startDraft } from "@/server/drafts/start-draft";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { isSealed } from "@/db/sealing/seal";

type TFieldInput = TFormDefinitionInput["pages"][number]["sections"][number]["fields"][number];
const fields: TFieldInput[] = [
  { key: "healthCondition", type: "textarea", label: t("健康状况", "Health condition"), required: true, dataClass: "sensitive" },
  { key: "monthlyIncome", type: "money", label: t("月收入", "Monthly income"), required: true, dataClass: "sensitive" },
  { key: "note", type: "textarea", label: t("备注", "Note") },
  { key: "medicalReport", type: "material", label: t("体检报告", "Medical report"), dataClass: "sensitive", accept: ["image/png"] },
  {
    key: "members",
    type: "group",
    label: t("家庭成员", "Family members"),
    itemLabel: t("成员", "Member"),
    fields: [
      { key: "name", type: "text", label: t("姓名", "Name"), required: true },
      { key: "idNumber", type: "id-number", label: t("身份证号码", "ID number"), required: true },
    ],
  },
];
const form: TFormDefinitionInput = { schemaVersion: 1, pages: [{ key: "household", title: t("家庭情况", "Household"), sections: [{ key: "household", fields }] }] };

// Every number and secret the copy must not show: the demo's people, and what the test adds.
const demoNumbers = ["310104198803124016", "310115199008072521", "310105198501011231", "310106199203153021", "31011019870722441X", "13800138000", "13900139000", "13600136000", "13500135000"];
const memberIdNumber = "310104201501010018";
const noteMobile = "13912345678";
const draftIdNumber = "310104199909090015";
const walkInIdNumber = "310104197506151232";
const walkInMobile = "13711112222";
const healthMarker = "HEALTHMARKER-两型糖尿病";
// An accepted upload (its type is read from its first bytes) whose content carries a marker of its own.
const fileMarker = "FILEMARKER-blood-glucose-7.9";
const reportPng = Buffer.concat([onePixelPng, Buffer.from(fileMarker, "utf8")]);
const secrets = [...demoNumbers, memberIdNumber, noteMobile, draftIdNumber, walkInIdNumber, walkInMobile, healthMarker, fileMarker, DEMO_TWO_FACTOR_SECRET];

/** Each table of the public schema with every row as PostgreSQL's text of it. */
async function everyRowAsText(world: TWorld): Promise<Map<string, string>> {
  const tables = await executeRows<{ name: string }>(world.db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const texts = new Map<string, string>();
  for (const { name } of tables) {
    const rows = await executeRows<{ row: string }>(world.db, sql`select t::text as row from ${sql.raw(`"${name}"`)} t`);
    texts.set(name, rows.map((row) => row.row).join("\n"));
  }
  return texts;
}

describe.each(testDatabaseKinds)("personal data at rest on %s", (kind) => {
  let world: TWorld;
  let caseId: string;
  let caseNumber: string;
  let draftId: string;
  let reportId: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    await seedService(world.db, {
      code: "TEST-HOUSEHOLD",
      departmentCode: "HRSS",
      name: t("家庭情况登记", "Household registration"),
      summary: t("测试", "Test"),
      applicantType: "natural",
      kind: "promised",
      legalLimitDays: 10,
      promisedLimitDays: 5,
      topic: "social-security",
      conditions: [],
      materials: [],
      fees: t("不收费", "Free"),
      legalBasis: [],
      form,
    });
    const reportField = ZMaterialField.parse(fields.find((field) => field.key === "medicalReport"));
    const report = await storeUpload({ db: world.db, actor: await world.actorOf("citizen"), field: reportField, file: new File([reportPng], "report.png") });
    if (!report.ok) throw new Error(report.reason);
    reportId = report.ref.fileId;
    const household = await submitTestCase(world, {
      username: "citizen",
      subjectCode: "TEST-HOUSEHOLD",
      answers: { healthCondition: healthMarker, monthlyIncome: "8765.43", note: `白天请打 ${noteMobile}`, members: [{ name: "张小明", idNumber: memberIdNumber }], medicalReport: [report.ref] },
    });
    caseId = household.caseId;
    caseNumber = household.caseNumber;
    // An instant proof: approved at once, and a licence naming the holder's ID number is issued.
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    const started = await startDraft({ db: world.db, actor: await world.actorOf("citizen2"), subjectCode: "TEST-HOUSEHOLD" });
    if (!started.ok) throw new Error(started.code);
    draftId = started.draftId;
    const saved = await saveDraftPage({
      db: world.db,
      actor: await world.actorOf("citizen2"),
      draftId,
      pageKey: "household",
      posted: { healthCondition: healthMarker, note: "", members: { 0: { name: "李小红", idNumber: draftIdNumber } } },
      uploads: {},
      intent: { kind: "save" },
    });
    if (!saved.ok) throw new Error(saved.code);
    const recorded = await recordPerson({ db: world.db, actor: await world.actorOf("counter"), input: { name: "孙八", residentIdNumber: walkInIdNumber, mobile: walkInMobile } });
    if (!recorded.ok) throw new Error(recorded.code);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("keeps no ID number, mobile, sensitive answer or second-factor secret in clear in any table", async () => {
    const tables = await everyRowAsText(world);
    const leaks = secrets.flatMap((secret) => [...tables].filter(([, text]) => text.includes(secret)).map(([table]) => `${secret} in ${table}`));
    expect(leaks).toEqual([]);
    // What stays readable stays: names, and the register's public company data.
    const all = [...tables.values()].join("\n");
    expect(all).toContain("张三");
    expect(all).toContain("91310104MA1FL8XQ36");
  });

  it("keeps none of them in the engine's own copy either: pg_dump's output, or PGlite's pages and log", async () => {
    let copy: Buffer;
    if (kind === "postgresql") {
      const dump = spawnSync("pg_dump", ["--format=plain", "--data-only", world.url!], { maxBuffer: 512 * 1024 * 1024 });
      expect(dump.status, dump.stderr?.toString()).toBe(0);
      copy = dump.stdout;
    } else {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-at-rest-"));
      try {
        const file = path.join(folder, "copy.tar.gz");
        await backupDatabase(world, { file });
        copy = gunzipSync(fs.readFileSync(file));
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    }
    expect(copy.length).toBeGreaterThan(100_000);
    expect(secrets.filter((secret) => copy.includes(Buffer.from(secret, "utf8")))).toEqual([]);
    expect(copy.includes(Buffer.from("张三", "utf8"))).toBe(true);
  });

  it("stores them sealed, and every use case reads them back as given", async () => {
    const [stored] = await executeRows<{ answers: Record<string, unknown> }>(world.db, sql`select answers from cases where id = ${caseId}`);
    expect(isSealed(stored.answers.healthCondition as string)).toBe(true);
    expect(isSealed(stored.answers.monthlyIncome as string)).toBe(true);
    expect(isSealed(stored.answers.note as string)).toBe(true);
    expect(((stored.answers.members as Record<string, unknown>[])[0].name as string)).toBe("张小明");

    const [read] = await world.db.select({ answers: cases.answers }).from(cases).where(eq(cases.id, caseId));
    expect(read.answers).toMatchObject({ healthCondition: healthMarker, monthlyIncome: 876543, note: `白天请打 ${noteMobile}`, members: [{ name: "张小明", idNumber: memberIdNumber }] });
    const [draft] = await world.db.select({ answers: drafts.answers }).from(drafts).where(eq(drafts.id, draftId));
    expect(draft.answers).toMatchObject({ healthCondition: healthMarker, members: [{ idNumber: draftIdNumber }] });
    const [citizen] = await world.db.select().from(users).where(eq(users.username, "citizen"));
    expect(citizen).toMatchObject({ residentIdNumber: "310104198803124016", mobile: "13800138000" });
    const [licence] = await world.db.select({ holderIdNumber: licences.holderIdNumber }).from(licences).where(eq(licences.holderUserId, citizen.id));
    expect(licence.holderIdNumber).toBe("310104198803124016");
    const opened = await openMaterialForApplicant({ db: world.db, actor: await world.actorOf("citizen"), caseNumber, fileId: reportId });
    expect(opened).toMatchObject({ ok: true });
    expect(opened.ok && Buffer.from(opened.file.content).toString("base64")).toBe(reportPng.toString("base64"));
    const [admin] = await world.db.select({ secret: staffTwoFactor.secret }).from(staffTwoFactor).innerJoin(users, eq(users.id, staffTwoFactor.userId)).where(eq(users.username, "admin"));
    expect(admin.secret).toBe(DEMO_TWO_FACTOR_SECRET);
  });

  it("finds a person by ID number through the blind index, and refuses to record them twice", async () => {
    const counter = await world.actorOf("counter");
    const found = await findApplicant({ db: world.db, actor: counter, kind: "person", number: walkInIdNumber });
    expect(found).toMatchObject({ ok: true, found: { kind: "person" } });
    const again = await recordPerson({ db: world.db, actor: counter, input: { name: "孙八", residentIdNumber: walkInIdNumber, mobile: "" } });
    expect(again).toMatchObject({ ok: false, code: "conflict:counter-person-recorded" });
    const demo = await findApplicant({ db: world.db, actor: counter, kind: "person", number: "310104198803124016" });
    expect(demo).toMatchObject({ ok: true, found: { kind: "person" } });
  });
});
