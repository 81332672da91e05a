/**
 * 不予许可 with a common reason: the fire clerk picks one of the service's reason templates, which fills the reason
 * box; the clerk adds a sentence, refuses, and the company reads exactly those words on its tracker.
 */
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

const template = "现场检查发现安全出口数量或者疏散通道不符合消防技术标准。";

test("a clerk refuses a permission with a common reason, and the applicant reads it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "enterprise");
  const caseNumber = await submitRestaurant(page, restaurantAnswers({ hasOutdoorSign: "否" }));

  const context = await browser.newContext();
  const desk = await context.newPage();
  await signIn(desk, "clerk-fire");
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  // Refusing to accept offers the grounds of not accepting …
  await expect(desk.getByRole("group", { name: "常用理由（选择后可在下方修改）" })).toContainText("申请事项不属于本部门职权范围");
  await desk.getByRole("button", { name: "受理", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();

  // … refusing the permission, the service's own first.
  const reasons = desk.getByRole("group", { name: "常用理由（选择后可在下方修改）" });
  await expect(reasons.getByRole("radio").first()).toHaveAccessibleName(template);
  await reasons.getByRole("radio", { name: template }).check();
  const box = desk.getByRole("textbox", { name: "理由" });
  await expect(box).toHaveValue(template);
  await box.fill(`${template}东侧安全出口被封堵。`);
  await expectNoAxeViolations(desk);
  await desk.getByRole("button", { name: "不予许可", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已不予许可，申请人已收到理由" })).toBeVisible();
  await context.close();

  await page.goto(`/me/cases/${caseNumber}`);
  await expect(page.getByRole("main")).toContainText(`理由：${template}东侧安全出口被封堵。`);
});
