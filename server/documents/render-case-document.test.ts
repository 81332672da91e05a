import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseDocuments, type TCaseDocument } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { outlineTags, readPdfTags } from "@/server/testing/pdf-structure";
import { readPdf } from "@/server/testing/pdf-text";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { decideTask } from "@/server/workflow/decide-task";
import { renderCaseDocument } from "./render-case-document";

const baseUrl = "https://onedoor.example.gov.cn";

describe.each(testDatabaseKinds)("renderCaseDocument on %s", (kind) => {
  let world: TWorld;
  let caseNumber: string;
  let rejection: TCaseDocument;
  let supplement: TCaseDocument;
  let acceptance: TCaseDocument;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    caseNumber = restaurant.caseNumber;
    for (const code of ["FIRE", "AMR"]) {
      const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
      const taskId = restaurant.taskOf(code);
      await claimTask({ db: world.db, actor: clerk, taskId });
      await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) });
      if (code === "FIRE") {
        await decideTask({ db: world.db, actor: clerk, taskId, action: "reject", reason: "疏散通道宽度不足1.1米，不符合消防技术标准", expectedVersion: await currentTaskVersion(world.db, taskId) });
      } else {
        await requestSupplement({ db: world.db, actor: clerk, taskId, expectedVersion: await currentTaskVersion(world.db, taskId), note: "", items: [{ key: "shopName", note: "与营业执照上的名称一致" }] });
      }
    }
    const documents = await world.db.select().from(caseDocuments).where(eq(caseDocuments.caseId, restaurant.caseId));
    rejection = documents.find((document) => document.kind === "rejection-decision")!;
    supplement = documents.find((document) => document.kind === "supplement-notice")!;
    acceptance = documents.find((document) => document.kind === "acceptance-notice")!;
  });
  afterAll(async () => {
    await world?.drop();
  });

  const render = async (documentId: string, locale: "zh-Hans" | "zh-Hant" | "en" = "zh-Hans", username = "enterprise") =>
    renderCaseDocument({ db: world.db, actor: await world.actorOf(username), access: { caseNumber }, documentId, locale, baseUrl });
  const flat = (text: string) => text.replaceAll("\n", "");

  it("states the refusal of a licence with its number, department, legal basis, reason and the applicant's remedies", async () => {
    const result = await render(rejection.id);
    if (!result.ok) throw new Error(result.code);
    expect(result.fileName).toBe(`不予许可决定书-${rejection.number}.pdf`);
    const read = await readPdf(result.pdf);
    const text = flat(read.text);
    expect(read.info).toMatchObject({ Title: `不予许可决定书 ${rejection.number}`, Language: "zh-CN" });
    for (const expected of [
      "消防救援支队",
      "不予许可决定书",
      `文号 ${rejection.number}`,
      caseNumber,
      "上海一门餐饮管理有限公司",
      "9131**********XQ36",
      "《中华人民共和国消防法》第十五条",
      "疏散通道宽度不足1.1米，不符合消防技术标准",
      "第三十八条第二款",
      "自收到本决定书之日起60日内向省消防救援总队申请行政复议",
      "6个月内向市中心城区人民法院提起行政诉讼",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("91310104MA1FL8XQ36");
    const verifyUrl = `${baseUrl}/verify/documents/${rejection.id}`;
    expect(read.pages.flatMap((page) => page.links.map((link) => link.url))).toContain(verifyUrl);

    const tags = await readPdfTags(result.pdf);
    expect(tags).toMatchObject({ marked: true, language: "zh-CN" });
    const outline = tags.pages.flatMap((page) => (page.tree ? outlineTags(page.tree) : []));
    expect(outline.slice(0, 3)).toEqual(["Document", "  P: 消防救援支队", "  H1: 不予许可决定书"]);
    expect(outline).toContain("  H2: 救济途径");
  });

  it("reads in English and in traditional characters", async () => {
    const en = await render(rejection.id, "en");
    const hant = await render(rejection.id, "zh-Hant");
    if (!en.ok || !hant.ok) throw new Error("no document");
    // English lines wrap at spaces, which the text read back loses: compare without spaces.
    const bare = (text: string) => text.replace(/\s+/g, "");
    const enText = bare((await readPdf(en.pdf)).text);
    for (const expected of ["Decision to refuse the licence", "Fire and Rescue Detachment", rejection.number, "Fire Protection Law of the People's Republic of China, Article 15", "疏散通道宽度不足1.1米", "within 60 days", "within 6 months", "the Provincial Fire and Rescue Corps", "the Central District People's Court"]) {
      expect(enText).toContain(bare(expected));
    }
    const hantText = flat((await readPdf(hant.pdf)).text);
    for (const expected of ["不予許可決定書", "消防救援支隊", "《中華人民共和國消防法》第十五條", "60日內向省消防救援總隊申請行政復議", "6個月內向市中心城區人民法院提起行政訴訟"]) {
      expect(hantText).toContain(expected);
    }
  });

  it("lists everything to correct in the supplement notice, with the date to answer by; the acceptance notice cites the law", async () => {
    const result = await render(supplement.id);
    if (!result.ok) throw new Error(result.code);
    const text = flat((await readPdf(result.pdf)).text);
    expect(text).toContain("补正告知书");
    expect(text).toContain("一次性告知");
    expect(text).toContain("与营业执照上的名称一致");
    expect(text).toContain("市场监督管理局");
    const [year, month, day] = supplement.content.supplement!.answerBy.split("-").map(Number);
    expect(text).toContain(`请于${year}年${month}月${day}日前`);

    const accepted = await render(acceptance.id);
    if (!accepted.ok) throw new Error(accepted.code);
    const acceptedText = flat((await readPdf(accepted.pdf)).text);
    expect(acceptedText).toContain("受理通知书");
    expect(acceptedText).toContain("决定予以受理");
    expect(acceptedText).toContain(acceptance.number);
  });

  it("is not found for another applicant", async () => {
    expect(await render(rejection.id, "zh-Hans", "citizen2")).toEqual({ ok: false, code: "not-found:document" });
  });
});
