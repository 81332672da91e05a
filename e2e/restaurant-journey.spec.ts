/**
 * The main journey, in simplified Chinese: a company opens a restaurant through one application. It finds the
 * bundle, reads the guide, gets an answer wrong and corrects it, submits once, and three departments each claim,
 * accept and approve their part in their own queue, until the company's tracker shows the case concluded.
 */
import type { Page } from "@playwright/test";
import { caseNumberOf, expect, expectNoAxeViolations, restaurantAnswers, signIn, submitSignIn, test } from "./fixtures";

// Each department sees its own questions (and the shared ones), not another department's (最小必要).
const ownQuestions = { food: "食品安全管理人员姓名", fire: "安全出口数量", sign: "招牌文字" };
const departments = [
  { clerk: "clerk-amr", name: "市场监督管理局", service: "食品经营许可", own: ownQuestions.food },
  { clerk: "clerk-fire", name: "消防救援支队", service: "公众聚集场所投入使用、营业前消防安全检查", own: ownQuestions.fire },
  { clerk: "clerk-urban", name: "城市管理局", service: "户外招牌设置", own: ownQuestions.sign },
];

test("a company applies to open a restaurant and three departments approve it", async ({ page, browser, applyForm }) => {
  // Four people take part; give the whole visit more than one page's worth of time.
  test.setTimeout(120_000);
  let caseNumber = "";

  await test.step("the enterprise signs in", async () => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await expectNoAxeViolations(page);
    await submitSignIn(page, "enterprise");
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("heading", { level: 1, name: "我的办件" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("finds the restaurant bundle from the home page", async () => {
    await page.getByRole("link", { name: "一门通办" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "政务服务，一门办理" })).toBeVisible();
    await expectNoAxeViolations(page);
    // Listed among the bundles on the home page …
    const bundles = page.getByRole("region", { name: "一件事一次办" });
    await expect(bundles.getByRole("link", { name: "开办餐饮店一件事" })).toBeVisible();
    // … and found by searching.
    await page.getByRole("searchbox", { name: "您要办什么事？" }).fill("餐饮");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "办事服务" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "搜索" })).toHaveValue("餐饮");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "开办餐饮店一件事" }).click();
  });

  await test.step("reads the guide", async () => {
    await expect(page).toHaveURL(/\/services\/BUNDLE-RESTAURANT$/);
    await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "包含的服务" })).toBeVisible();
    for (const department of departments) await expect(page.getByRole("main")).toContainText(department.name);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "立即申请" }).click();
  });

  await test.step("continues with mistakes and is shown each one", async () => {
    await expect(page).toHaveURL(/\/apply\/BUNDLE-RESTAURANT$/);
    await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("上海一门餐饮管理有限公司");
    await expectNoAxeViolations(page);
    await applyForm.start();
    // The credit code comes from the enterprise registry, locked, with its source.
    await expect(applyForm.field("统一社会信用代码")).toHaveValue("91310104MA1FL8XQ36");
    await expect(applyForm.field("统一社会信用代码")).toHaveAttribute("readonly", "");

    // No shop name, and the outside-sign question left unanswered.
    const answers = restaurantAnswers({ shopName: "" });
    await applyForm.fillRestaurant({ ...answers, hasOutdoorSign: undefined });
    await applyForm.continueButton.click();

    const summary = applyForm.errorSummary;
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "请填写“店铺名称”" })).toHaveAttribute("href", "#field-shopName");
    const shopName = applyForm.field("店铺名称");
    await expect(shopName).toHaveAttribute("aria-invalid", "true");
    await expect(shopName).toHaveAccessibleDescription(/请填写“店铺名称”/);
    const signQuestion = "是否在建筑物外设置招牌？";
    await expect(summary.getByRole("link", { name: `请选择“${signQuestion}”` })).toHaveAttribute("href", "#field-hasOutdoorSign");
    await expect(applyForm.question(signQuestion)).toHaveAccessibleDescription(new RegExp(escapeRegExp(`请选择“${signQuestion}”`)));
    await expect(summary.getByRole("link")).toHaveCount(2);
    // What was answered correctly is kept.
    await expect(applyForm.field("经营场所地址")).toHaveValue(answers.businessAddress);
    await expect(applyForm.field("主要经营项目").locator("option:checked")).toHaveText(answers.mainFoodCategory);
    await expectNoAxeViolations(page);

    // The summary's link takes the reader to the field.
    await summary.getByRole("link", { name: "请填写“店铺名称”" }).click();
    await expect(page).toHaveURL(/#field-shopName$/);
    await expect(shopName).toBeInViewport();
  });

  await test.step("corrects the answers, says there will be an outside sign, and goes on page by page", async () => {
    await applyForm.field("店铺名称").fill("一门小馆");
    await applyForm.answerYesNo("是否在建筑物外设置招牌？", "是");
    await applyForm.continue();

    // The food licence's page: a mobile number one digit short is caught here.
    await applyForm.fillRestaurant(restaurantAnswers({ hasOutdoorSign: "是", foodSafetyManagerMobile: "1370013700" }));
    await applyForm.continueButton.click();
    const mobileError = "“食品安全管理人员手机号码”：请输入 11 位手机号码，例如 13800138000";
    await expect(applyForm.errorSummary.getByRole("link", { name: mobileError })).toHaveAttribute("href", "#field-foodSafetyManagerMobile");
    await applyForm.field("食品安全管理人员手机号码").fill("13700137000");
    await applyForm.continue();

    // Back and forward keep what was given.
    await page.getByRole("button", { name: "上一步" }).click();
    await expect(applyForm.field("食品安全管理人员手机号码")).toHaveValue("13700137000");
    await applyForm.continue();

    await applyForm.completeRestaurant(restaurantAnswers({ hasOutdoorSign: "是" }));
    await expect(page.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
    // The sign's page was asked, because there is a sign.
    await expect(page.getByRole("main")).toContainText("招牌文字");
    await expectNoAxeViolations(page);
    await applyForm.submitButton.click();

    await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
    caseNumber = caseNumberOf(page);
    const success = page.getByRole("status");
    await expect(success.getByRole("heading", { name: "申请已提交" })).toBeVisible();
    await expect(success).toContainText(`您的办件编号是 ${caseNumber}`);
  });

  await test.step("the tracker shows three departments waiting", async () => {
    await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
    const progress = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(progress.getByRole("heading", { level: 3 })).toHaveText(departments.map((department) => department.name), { useInnerText: true });
    for (const department of departments) {
      await expect(taskCard(page, department.name)).toContainText("待受理");
    }
    // 120 m² is under the threshold for an environmental filing.
    await expect(page.getByRole("heading", { name: "生态环境局" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  for (const department of departments) {
    await test.step(`${department.clerk} claims, accepts and approves the ${department.name} task`, async () => {
      const context = await browser.newContext();
      const desk = await context.newPage();
      await signIn(desk, department.clerk);
      await expect(desk).toHaveURL(/\/desk$/);
      await expect(desk.getByRole("heading", { level: 1, name: "待办任务" })).toBeVisible();
      await expect(desk.getByText(department.name, { exact: true })).toBeVisible();
      const item = desk.getByRole("listitem").filter({ hasText: caseNumber });
      await expect(item.getByRole("link", { name: department.service })).toBeVisible();
      await expect(item).toContainText("未认领");
      await expectNoAxeViolations(desk);

      await item.getByRole("button", { name: `认领 ${caseNumber}` }).click();
      await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
      await expect(desk.getByRole("heading", { level: 1, name: department.service })).toBeVisible();
      await expect(desk.getByRole("heading", { name: "是否受理此申请？" })).toBeVisible();
      const answers = desk.getByRole("main");
      await expect(answers.getByText("店铺名称", { exact: true })).toBeVisible();
      for (const question of Object.values(ownQuestions)) {
        await expect(answers.getByText(question, { exact: true })).toHaveCount(question === department.own ? 1 : 0);
      }
      await expectNoAxeViolations(desk);

      await desk.getByRole("button", { name: "受理", exact: true }).click();
      await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
      await expect(desk.getByRole("heading", { name: "审查决定" })).toBeVisible();

      await desk.getByRole("button", { name: "准予许可", exact: true }).click();
      await expect(desk.getByRole("status").getByRole("heading", { name: "已准予许可" })).toBeVisible();
      await expect(desk.getByRole("heading", { name: "审查决定" })).toHaveCount(0);
      await expectNoAxeViolations(desk);
      await context.close();
    });
  }

  await test.step("the enterprise sees the case concluded, approved by all three", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
    await expect(page.getByText("状态：").locator("..")).toContainText("已办结");
    for (const department of departments) {
      await expect(taskCard(page, department.name)).toContainText("准予许可");
    }
    await expectNoAxeViolations(page);
  });
});

/** One department's card on the tracker, found by its heading. */
function taskCard(page: Page, department: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: department, exact: true }) });
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
