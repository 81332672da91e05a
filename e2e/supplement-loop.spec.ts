/**
 * A company's whole visit, end to end. 补正: the food licence clerk finds the floor area and seats wrong and asks for
 * both at once; the company sees exactly what to correct, gets a wrong value refused, corrects only those two
 * answers, and the clerk accepts the supplement and approves (the time limit stands still while the company has the
 * case). Fire approves too; the food business licence lands in the company's wallet, downloads as a PDF and
 * verifies at /verify for a stranger; the company rates the service 不满意 and the food clerk answers the follow-up.
 */
import fs from "node:fs/promises";
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

test("a company gets a supplement request, supplies it, is approved, verifies its licence and rates the service", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, "enterprise");
  const caseNumber = await submitRestaurant(page, restaurantAnswers({ hasOutdoorSign: "否" }));

  // The clerk claims and accepts the food licence task, then asks for two corrections in one request.
  const clerkContext = await browser.newContext();
  const desk = await clerkContext.newPage();
  await signIn(desk, "clerk-amr");
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await desk.getByRole("button", { name: "受理", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
  await desk.getByText("要求申请人补正").click();
  // A note box shows only once its item is ticked.
  await expect(desk.getByLabel("经营面积：需要如何补正")).toBeHidden();
  await desk.getByRole("checkbox", { name: /经营面积/ }).check();
  await desk.getByLabel("经营面积：需要如何补正").fill("经营面积与平面图不符，请按平面图填写");
  await desk.getByRole("checkbox", { name: /就餐座位数/ }).check();
  await desk.getByLabel("就餐座位数：需要如何补正").fill("请填写实际摆放的座位数");
  await expectNoAxeViolations(desk);
  await desk.getByRole("button", { name: "发出补正通知" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已发出补正通知，办理时限暂停计算" })).toBeVisible();
  await expect(desk.getByRole("main")).toContainText("等待申请人补正");
  await expect(desk.getByRole("main")).toContainText("暂停计时");
  await expectNoAxeViolations(desk);

  // The company sees what to do now, and only the two answers to change.
  await page.goto(`/me/cases/${caseNumber}`);
  await expect(page.getByText("状态：").locator("..")).toContainText("待您补正");
  const notice = page.getByRole("heading", { name: "市场监督管理局需要您补正材料" }).locator("..");
  await expect(notice).toContainText("经营面积与平面图不符，请按平面图填写");
  await expectNoAxeViolations(page);
  await notice.getByRole("link", { name: "现在补正" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "补正材料" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(2);
  const area = page.getByRole("textbox", { name: "经营面积" });
  await expect(area).toHaveValue("120");
  await area.fill("-5");
  await page.getByRole("button", { name: "提交补正" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading") });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "经营面积" }).fill("95");
  await page.getByRole("textbox", { name: "就餐座位数" }).fill("30");
  await page.getByRole("button", { name: "提交补正" }).click();
  await page.waitForURL(/\?supplied=1$/);
  await expect(page.getByRole("status").getByRole("heading", { name: "补正材料已提交，办理部门将继续办理" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "市场监督管理局需要您补正材料" })).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("95");

  // The clerk accepts what came back and approves.
  await desk.reload();
  await expect(desk.getByRole("heading", { name: "审核补正材料" })).toBeVisible();
  await expect(desk.getByRole("main")).toContainText("补正后： 95");
  await desk.getByRole("button", { name: "受理", exact: true }).click();
  await desk.getByRole("button", { name: "准予许可", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已准予许可" })).toBeVisible();
  await clerkContext.close();

  await page.reload();
  const amr = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "市场监督管理局" }) });
  await expect(amr).toContainText("准予许可");

  // Fire approves too, and the case concludes.
  const fireContext = await browser.newContext();
  const fire = await fireContext.newPage();
  await signIn(fire, "clerk-fire");
  await fire.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await fire.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await fire.getByRole("button", { name: "受理", exact: true }).click();
  await expect(fire.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
  await fire.getByRole("button", { name: "准予许可", exact: true }).click();
  await expect(fire.getByRole("status").getByRole("heading", { name: "已准予许可" })).toBeVisible();
  await fireContext.close();
  await page.reload();
  await expect(page.getByText("状态：").locator("..")).toContainText("已办结");

  // The food business licence is in the company's wallet: as a PDF, and verified by someone not signed in.
  await page.goto("/me/licences");
  const licence = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: /食品经营许可证/ }) }).first();
  await expect(licence.getByRole("heading", { level: 2 })).toContainText("有效");
  const [download] = await Promise.all([page.waitForEvent("download"), licence.getByRole("link", { name: /下载 PDF/ }).click()]);
  const pdf = await fs.readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const verifyHref = (await licence.getByRole("link", { name: /核验/ }).getAttribute("href"))!;
  const strangerContext = await browser.newContext({ locale: "zh-CN" });
  const stranger = await strangerContext.newPage();
  await stranger.goto(verifyHref);
  await expect(stranger.getByRole("region", { name: "证照有效" })).toContainText("市场监督管理局");
  await expect(stranger.getByRole("main")).toContainText("上海一门餐饮管理有限公司");
  await strangerContext.close();

  // The company rates the service 不满意; the food licence clerk answers the follow-up; the company sees the answer.
  await page.goto(`/me/cases/${caseNumber}`);
  const rating = page.getByRole("region", { name: "评价本次服务" });
  await rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "不满意", exact: true }).check();
  await rating.getByRole("group", { name: "办理效率" }).getByRole("radio", { name: "不满意", exact: true }).check();
  await rating.getByRole("group", { name: "办事指南是否准确" }).getByRole("radio", { name: "基本满意" }).check();
  await rating.getByRole("group", { name: "办事便捷程度" }).getByRole("radio", { name: "满意", exact: true }).check();
  await rating.getByLabel("意见和建议（选填）").fill("补正要求不够清楚，多跑了一趟。");
  await rating.getByRole("button", { name: "提交评价" }).click();
  await page.waitForURL(/\?rated=1/);
  await expect(page.getByRole("status").getByRole("heading", { name: "感谢您的评价" })).toBeVisible();

  const answerContext = await browser.newContext();
  const answer = await answerContext.newPage();
  await signIn(answer, "clerk-amr");
  await answer.getByRole("link", { name: /差评回访/ }).click();
  const followUp = answer.getByRole("listitem").filter({ hasText: caseNumber });
  await expect(followUp).toContainText("补正要求不够清楚");
  await followUp.getByRole("link", { name: `开办餐饮店一件事 ${caseNumber}` }).click();
  await answer.getByLabel("回复内容").fill("已将平面图要求写入办事指南，感谢您的意见。");
  await answer.getByRole("button", { name: "发送回复" }).click();
  await expect(answer.getByRole("status").getByRole("heading", { name: "已回复，申请人会收到通知" })).toBeVisible();
  await answerContext.close();

  await page.goto(`/me/cases/${caseNumber}`);
  await expect(page.getByRole("region", { name: "您的评价" })).toContainText("已将平面图要求写入办事指南");
  await expectNoAxeViolations(page);
});
