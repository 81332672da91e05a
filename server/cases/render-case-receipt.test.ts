import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, companyMembers, users } from "@/db/schema";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { seedUser } from "@/seed/factories";
import { demoCompany } from "@/seed/seed-demo";
import { testDatabaseKinds } from "@/db/testing";
import { submitApplication } from "@/server/intake/submit-application";
import { outlineTags, readPdfTags } from "@/server/testing/pdf-structure";
import { readPdf } from "@/server/testing/pdf-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { renderCaseReceipt } from "./render-case-receipt";

const baseUrl = "https://onedoor.example.gov.cn";

describe.each(testDatabaseKinds)("renderCaseReceipt on %s", (kind) => {
  let world: TWorld;
  let proofNumber: string;
  let restaurantNumber: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const proof = await submitApplication({
      db: world.db,
      actor: await world.actorOf("citizen"),
      subjectCode: "HRSS-PROOF",
      rawAnswers: proofAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
      now: new Date("2026-02-12T10:05:00+08:00"),
    });
    const restaurant = await submitApplication({
      db: world.db,
      actor: await world.actorOf("enterprise"),
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
      now: new Date("2026-02-12T10:00:00+08:00"),
    });
    if (!proof.ok || !restaurant.ok) throw new Error("the test cases were not submitted");
    proofNumber = proof.caseNumber;
    restaurantNumber = restaurant.caseNumber;
  });
  afterAll(async () => {
    await world?.drop();
  });

  const receipt = async (username: string, caseNumber: string, locale: "zh-Hans" | "zh-Hant" | "en" = "zh-Hans") =>
    renderCaseReceipt({ db: world.db, actor: await world.actorOf(username), caseNumber, locale, baseUrl });

  it("gives the citizen the receipt of their instant service, with the masked ID number and a QR code to the tracker", async () => {
    const result = await receipt("citizen", proofNumber);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe(`受理回执-${proofNumber}.pdf`);
    const read = await readPdf(result.pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.info).toMatchObject({ Title: `受理回执 ${proofNumber}`, Author: "一门通办", Language: "zh-CN" });
    const lines = read.pages[0].lines.map((line) => line.text);
    for (const line of [
      "一门通办 · 政务服务",
      "受理回执",
      `办件编号 ${proofNumber}`,
      "申请事项 社会保险参保缴费证明",
      "提交时间 2026年2月12日 10:05（北京时间）",
      "申请人 张三",
      "身份证号码 3101**********4016",
      "事项 办理部门 承诺时限 办理期限",
      "本回执仅证明您的申请已被接收，不是许可证件或审批结果，不能代替证照使用。",
    ]) {
      expect(lines).toContain(line);
    }
    // The instant service was approved at submit: its row says so, as the tracker does.
    expect(read.text).toMatch(/社会保险参保缴费证明 人力资源和社会保障局 即办 2026年2月12日办结/);
    // The full ID number is nowhere in the file's text.
    expect(read.text).not.toContain("310104198803124016");
    const trackerUrl = `${baseUrl}/me/cases/${proofNumber}`;
    expect(read.pages[0].links.map((link) => link.url)).toContain(trackerUrl);
    expect(read.text.replaceAll("\n", "")).toContain(trackerUrl);

    // Tagged for a screen reader: the title first, the rows as header and value, the QR code said in words.
    const tags = await readPdfTags(result.pdf);
    expect(tags).toMatchObject({ marked: true, displayDocTitle: true, language: "zh-CN" });
    const outline = outlineTags(tags.pages[0].tree!);
    expect(outline.slice(0, 3)).toEqual(["Document", "  P: 一门通办 · 政务服务", "  H1: 受理回执"]);
    expect(outline).toContain("      TH: 申请人");
    expect(outline).toContain("  H2: 办理部门及时限");
    const figure = tags.pages[0].tree!.children.find((tag) => tag.role === "Link")?.children[0];
    expect(figure).toMatchObject({ role: "Figure", alt: `二维码：打开 ${trackerUrl} 查看本件的办理进度` });
    expect(tags.pages[0].unmarked).toEqual([]);
    expect(tags.fonts).toEqual(["NotoSansSC-Bold", "NotoSansSC-Regular"]);
  });

  it("reads in traditional characters and in English, with the time in Beijing time", async () => {
    const hant = await receipt("citizen", proofNumber, "zh-Hant");
    const en = await receipt("citizen", proofNumber, "en");
    if (!hant.ok || !en.ok) throw new Error("no receipt");
    const hantRead = await readPdf(hant.pdf);
    const hantText = hantRead.text;
    expect(hantRead.info.Language).toBe("zh-TW");
    expect(hantText).toContain("受理回執");
    expect(hantText).toContain("一門通辦");
    // Traditional-character usage writes the time on a 12-hour clock (Intl's zh-Hant convention, as on the pages).
    expect(hantText).toContain("提交時間 2026年2月12日 上午10:05（北京時間）");
    expect(hantText).toContain("不是許可證件");
    // Set in the Traditional Chinese face alone: the applicant's name, held as 张三, is shown as 張三 (nameForReader),
    // so nothing needs the simplified face's fallback.
    expect(hantText).toContain("申請人 張三");
    const hantTags = await readPdfTags(hant.pdf);
    expect(hantTags.fonts).toEqual(["NotoSansTC-Bold", "NotoSansTC-Regular"]);
    expect(hantTags.pages[0].runs.map((run) => run.text).join("")).not.toContain("\u0000");
    const enRead = await readPdf(en.pdf);
    expect(en.fileName).toBe(`receipt-${proofNumber}.pdf`);
    expect(enRead.info.Language).toBe("en");
    const enFigure = (await readPdfTags(en.pdf)).pages[0].tree!.children.find((tag) => tag.role === "Link")?.children[0];
    expect(enFigure?.alt).toBe(`QR code to follow this application at ${baseUrl}/me/cases/${proofNumber}`);
    expect(enRead.text).toContain("Acknowledgement of receipt");
    expect(enRead.text).toContain(`Application number ${proofNumber}`);
    expect(enRead.text).toContain("Submitted 12 February 2026 at 10:05 (Beijing time)");
    expect(enRead.text).toContain("It is not a licence");
    // Only the applicant's name, as the register holds it, is in Chinese.
    expect(enRead.text).toContain("Applicant 张三");
    expect(enRead.text.replaceAll("张三", "")).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("does not find another person's case, nor a case for a clerk", async () => {
    expect(await receipt("citizen2", proofNumber)).toEqual({ ok: false, code: "not-found:case" });
    expect(await receipt("citizen", restaurantNumber)).toEqual({ ok: false, code: "not-found:case" });
    expect(await receipt("clerk-hrss", proofNumber)).toEqual({ ok: false, code: "not-found:case" });
    expect(await receipt("citizen", "OD209901010000001")).toEqual({ ok: false, code: "not-found:case" });
  });

  it("gives an agent of the applying company the company's receipt: company, masked USCC, who submitted, each department's time limit", async () => {
    const agent = await seedUser(world.db, { username: `agent-${kind}`, role: "enterprise", displayName: "赵六" });
    const [company] = await world.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, demoCompany.uscc));
    await world.db.insert(companyMembers).values({ companyId: company.id, userId: agent.id, role: "agent" });

    const result = await receipt(agent.username!, restaurantNumber);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const read = await readPdf(result.pdf);
    const lines = read.pages[0].lines.map((line) => line.text);
    for (const line of [
      "申请事项 开办餐饮店一件事",
      `申请单位 ${demoCompany.name}`,
      "统一社会信用代码 9131**********XQ36",
      // The legal representative submitted it; the agent downloads it.
      "经办人 王五",
      "提交时间 2026年2月12日 10:00（北京时间）",
    ]) {
      expect(lines).toContain(line);
    }
    // AMR promises 5 working days, counted across the 2026 Spring Festival (as the tracker shows it).
    expect(read.text).toContain("食品经营许可 市场监督管理局 5 个工作日 应于2026年2月26日前办结");
    expect(read.text).toMatch(/消防救援支队/);
    expect(read.text).toMatch(/城市管理局/);
    expect(read.text).not.toContain(demoCompany.uscc);
  });

  it("prints names in traditional characters on a zh-Hant receipt, while the register keeps them as stored", async () => {
    const personal = await receipt("citizen", proofNumber, "zh-Hant");
    const forCompany = await receipt("enterprise", restaurantNumber, "zh-Hant");
    if (!personal.ok || !forCompany.ok) throw new Error("no receipt");
    expect((await readPdf(personal.pdf)).pages[0].lines.map((line) => line.text)).toContain("申請人 張三");
    const companyLines = (await readPdf(forCompany.pdf)).pages[0].lines.map((line) => line.text);
    expect(companyLines).toContain("申請單位 上海一門餐飲管理有限公司");
    expect(companyLines).toContain("經辦人 王五");
    const [citizen] = await world.db.select({ name: users.displayName }).from(users).where(eq(users.username, "citizen"));
    const [company] = await world.db.select({ name: companies.name }).from(companies).where(eq(companies.uscc, demoCompany.uscc));
    expect(citizen.name).toBe("张三");
    expect(company.name).toBe("上海一门餐饮管理有限公司");
  });
});
