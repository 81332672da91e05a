/**
 * 并联审批 with an order: in the newborn bundle the police register the birth only after the hospital's health
 * department has issued the birth medical certificate. Until then the police task waits outside every queue, and the
 * parent sees why; once health approves, the police task is released into the police queue and the parent's tracker
 * and timeline say so.
 */
import { ApplyForm, caseNumberOf, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a task waits for its prerequisite and is released when it is approved", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "citizen");
  await page.goto("/apply/BUNDLE-NEWBORN");
  const form = new ApplyForm(page);
  await form.start();
  await form.field("婴儿姓名").fill("张小宝");
  await form.field("婴儿性别").selectOption({ label: "女" });
  await form.field("出生日期").fill("2026-11-02");
  await form.field("出生医院").fill("上海市第一妇婴保健院");
  await form.field("母亲姓名").fill("李梅");
  await form.field("母亲公民身份号码").fill("310104199002150024");
  await form.field("父亲姓名").fill("张三");
  await form.field("父亲公民身份号码").fill("310104198803124016");
  await form.field("随父亲还是母亲落户").selectOption({ label: "随父亲落户" });
  await form.field("户籍地址").fill("上海市徐汇区漕溪北路 88 号 301 室");
  await form.continue();
  await form.field("合作银行").selectOption({ label: "中国银行" });
  await page.getByRole("radio", { name: "到银行网点领取" }).check();
  await form.continue();
  await page.locator('input[type=file][name="photo"]').setInputFiles({ name: "baby.png", mimeType: "image/png", buffer: onePixelPng });
  await form.continue();
  await expect(page.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  const caseNumber = caseNumberOf(page);

  // Health works first; the police, medical insurance and social security wait, and the parent is told so.
  const departmentRow = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name }) });
  await expect(departmentRow("卫生健康委员会")).toContainText("待受理");
  await expect(departmentRow("公安局")).toContainText("等待前置审批");
  await expect(departmentRow("医疗保障局")).toContainText("等待前置审批");
  await expectNoAxeViolations(page);

  // The police cannot pick up a task whose prerequisite is open: it is in none of their views.
  const police = await (await browser.newContext()).newPage();
  await signIn(police, "clerk-police");
  await expect(police.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(police.getByRole("main")).not.toContainText(caseNumber);

  // The health clerk claims, accepts and approves.
  const health = await (await browser.newContext()).newPage();
  await signIn(health, "clerk-health");
  await health.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await health.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  // The graph on the task page shows who waits for this task.
  await expect(health.getByRole("main")).toContainText("公安局");
  await health.getByRole("button", { name: "受理", exact: true }).click();
  await expect(health.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
  await health.getByRole("button", { name: "准予许可", exact: true }).click();
  // The outcome's notice, not the words (the button itself says them): the approval has committed, and with it the
  // police task's release, before the police reload — through two replicas the reload may come first otherwise.
  await expect(health.getByRole("status").getByRole("heading", { name: "已准予许可" })).toBeVisible();

  // Now the police task is in the police queue, ready to claim.
  await police.reload();
  await police.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await police.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await expect(police.getByRole("button", { name: "受理", exact: true })).toBeVisible();
  await expectNoAxeViolations(police);

  // The parent's tracker: health approved, the police working on it, the rest still waiting, and the timeline says why.
  await page.goto(`/me/cases/${caseNumber}`);
  await expect(departmentRow("卫生健康委员会")).toContainText("准予许可");
  await expect(departmentRow("公安局")).not.toContainText("等待前置审批");
  await expect(departmentRow("医疗保障局")).toContainText("等待前置审批");
  await expect(page.getByRole("main")).toContainText("前置审批已完成，开始办理");
  await expectNoAxeViolations(page);
});
