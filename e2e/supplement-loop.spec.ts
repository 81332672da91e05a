/**
 * 补正, end to end: the food licence clerk finds the floor area and seats wrong and asks for both at once; the
 * company sees exactly what to correct, gets a wrong value refused, corrects only those two answers, and the clerk
 * accepts the supplement and approves. The time limit stands still while the company has the case.
 */
import { ApplyForm, caseNumberOf, expect, expectNoAxeViolations, restaurantAnswers, signIn, test } from "./fixtures";

test("a clerk asks for a supplement and the company supplies it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "enterprise");
  await page.goto("/apply/BUNDLE-RESTAURANT");
  const form = new ApplyForm(page);
  await form.start();
  await form.completeRestaurant(restaurantAnswers({ hasOutdoorSign: "否" }));
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  const caseNumber = caseNumberOf(page);

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
});
