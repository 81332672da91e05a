/**
 * 告知承诺制: a company applies for the restaurant bundle and signs the fire safety commitment; the fire clerk approves
 * at once, without accepting first, and the inspection lands in the fire queue. The inspection finds the commitment
 * was not kept: the licence is revoked and the company reads why on its tracker.
 */
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

test("the fire clerk approves on commitment, inspects afterwards, and a failed inspection revokes the licence", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "enterprise");
  const caseNumber = await submitRestaurant(page, restaurantAnswers({ hasOutdoorSign: "否", useCommitment: "是" }));

  const context = await browser.newContext();
  const desk = await context.newPage();
  await signIn(desk, "clerk-fire");
  await desk.getByRole("searchbox", { name: "搜索" }).fill(caseNumber);
  await desk.getByRole("button", { name: "搜索", exact: true }).click();
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);

  // Straight from "to accept": the decision form offers approval on commitment, with the inspection window.
  const commitment = desk.getByRole("region", { name: "告知承诺审批" });
  await expect(commitment).toContainText("20 个工作日内完成核查");
  await expectNoAxeViolations(desk);
  await commitment.getByRole("button", { name: "告知承诺，准予许可" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已告知承诺准予许可，核查任务已进入本部门待办队列" })).toBeVisible();
  await expect(desk.getByRole("region", { name: "告知承诺审批" })).toHaveCount(0);

  // The inspection waits unclaimed in the fire queue, in the inspector's words.
  await desk.goto("/desk");
  await desk.getByRole("searchbox", { name: "搜索" }).fill(caseNumber);
  await desk.getByRole("button", { name: "搜索", exact: true }).click();
  const inspection = desk.getByRole("listitem").filter({ hasText: caseNumber }).filter({ hasText: "承诺后核查" });
  await expect(inspection).toContainText("待核查");
  await inspection.getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("承诺后核查：公众聚集场所投入使用、营业前消防安全检查");
  const outcome = desk.getByRole("region", { name: "记录核查结果" });
  await expect(outcome).toBeVisible();
  await expectNoAxeViolations(desk);

  // A failure must say what was found.
  await outcome.getByRole("button", { name: "核查不通过", exact: true }).click();
  await expect(desk.getByRole("alert", { name: "请检查以下问题" })).toBeVisible();
  await outcome.getByRole("textbox", { name: "核查发现的问题" }).fill("二号安全出口被货架堵塞，与承诺不符。");
  await outcome.getByRole("button", { name: "核查不通过", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已记录：核查不通过，证照已撤销" })).toBeVisible();
  await context.close();

  await page.goto(`/me/cases/${caseNumber}`);
  const main = page.getByRole("main");
  await expect(main).toContainText("承诺后核查：公众聚集场所投入使用、营业前消防安全检查");
  await expect(main).toContainText("核查不通过，证照已撤销");
  await expect(main).toContainText("核查发现：二号安全出口被货架堵塞，与承诺不符。");
  await expect(main).toContainText("电子证照已撤销");
  await expectNoAxeViolations(page);
});
