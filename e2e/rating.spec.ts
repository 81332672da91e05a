/**
 * 好差评, end to end: a company opens a large restaurant without an outside sign (food, fire and environment
 * departments), all three approve, and the company rates the service "不满意" with a comment. The food licence clerk
 * finds the follow-up on the desk and replies; the company sees that reply beside the two still due. Without
 * JavaScript, a citizen rates an instant proof: the form is a plain post that comes back with its problems.
 */
import type { Browser, Page } from "@playwright/test";
import { ApplyForm, caseNumberOf, expect, expectNoAxeViolations, restaurantAnswers, signIn, test, submitInstantProof } from "./fixtures";

const departments = [
  { clerk: "clerk-amr", name: "市场监督管理局" },
  { clerk: "clerk-env", name: "生态环境局" },
  { clerk: "clerk-fire", name: "消防救援支队" },
];
const comment = "办事指南写的材料和窗口要求不一致，来回补了两次。";
const reply = "经核实，指南中的平面图要求已过时，我局已更新办事指南并对窗口人员进行培训。";

/** Above 500 m² the environmental filing applies: its own questions are answered on its page. */
async function completeLargeRestaurant(form: ApplyForm) {
  const answers = restaurantAnswers({ hasOutdoorSign: "否", businessArea: "600" });
  const environment: [string, string][] = [
    ["项目名称", "一门小馆新建项目"],
    ["主要污染防治措施", "安装油烟净化器，设置隔油池"],
    ["联系人姓名", "王五"],
    ["手机号码", "13700137000"],
  ];
  for (let pages = 0; !/\/check$/.test(new URL(form.page.url()).pathname); pages += 1) {
    if (pages > 8) throw new Error(`stuck in the wizard at ${form.page.url()}`);
    await form.fillRestaurant(answers);
    for (const [label, value] of environment) {
      const field = form.field(label);
      if ((await field.count()) > 0 && (await field.isVisible()) && (await field.isEditable())) await field.fill(value);
    }
    await form.continue();
  }
}

async function approveAs(browser: Browser, clerk: string, caseNumber: string) {
  const context = await browser.newContext();
  const desk = await context.newPage();
  await signIn(desk, clerk);
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("button", { name: `认领 ${caseNumber}` }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  await desk.getByRole("button", { name: "受理", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已受理" })).toBeVisible();
  await desk.getByRole("button", { name: "准予许可", exact: true }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已准予许可" })).toBeVisible();
  await context.close();
}

/** A department's reply (or its due date) under "部门回复" on the tracker. */
function replyCard(page: Page, department: string) {
  return page.getByRole("region", { name: "您的评价" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 4, name: department, exact: true }) });
}

test("a company rates a concluded case badly and a department replies", async ({ page, browser }) => {
  test.setTimeout(300_000);
  let caseNumber = "";

  await test.step("the company applies and the three departments approve", async () => {
    await signIn(page, "enterprise");
    await page.goto("/apply/BUNDLE-RESTAURANT");
    const form = new ApplyForm(page);
    await form.start();
    await completeLargeRestaurant(form);
    await form.submitButton.click();
    await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
    caseNumber = caseNumberOf(page);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText(departments.map((department) => department.name));
    // Not concluded yet: nothing to rate.
    await expect(page.getByRole("heading", { name: "评价本次服务" })).toHaveCount(0);
    for (const department of departments) await approveAs(browser, department.clerk, caseNumber);
  });

  await test.step("the company is asked to rate, and told what is missing", async () => {
    await page.goto(`/me/cases/${caseNumber}`);
    await expect(page.getByText("状态：").locator("..")).toContainText("已办结");
    const rating = page.getByRole("region", { name: "评价本次服务" });
    await expect(rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio")).toHaveCount(5);
    await expect(rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio").first()).toHaveAccessibleName("非常满意");
    await expectNoAxeViolations(page);

    // Only the overall level and a comment: the three sub-ratings are missing; what was given is kept.
    await rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "不满意", exact: true }).check();
    await rating.getByLabel("意见和建议（选填）").fill(comment);
    await expect(rating).toContainText(`还可输入 ${500 - comment.length} 个字`);
    await rating.getByRole("button", { name: "提交评价" }).click();
    const summary = rating.getByRole("alert").filter({ has: page.getByRole("heading", { name: "请检查以下问题" }) });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(["请选择您对办理效率的评价", "请选择您对办事指南准确性的评价", "请选择您对办事便捷程度的评价"]);
    await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#rating-efficiency");
    await expect(rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "不满意", exact: true })).toBeChecked();
    await expect(rating.getByLabel("意见和建议（选填）")).toHaveValue(comment);
    await expectNoAxeViolations(page);

    await rating.getByRole("group", { name: "办理效率" }).getByRole("radio", { name: "基本满意" }).check();
    await rating.getByRole("group", { name: "办事指南是否准确" }).getByRole("radio", { name: "非常不满意" }).check();
    await rating.getByRole("group", { name: "办事便捷程度" }).getByRole("radio", { name: "满意", exact: true }).check();
    await rating.getByRole("button", { name: "提交评价" }).click();
    await page.waitForURL(/\?rated=1/);
  });

  await test.step("the rating is shown, each department's reply due", async () => {
    await expect(page.getByRole("status").getByRole("heading", { name: "感谢您的评价" })).toBeVisible();
    const shown = page.getByRole("region", { name: "您的评价" });
    await expect(shown).toContainText("不满意");
    await expect(shown).toContainText(comment);
    for (const department of departments) await expect(replyCard(page, department.name)).toContainText(/等待回复，应于\d{4}年\d{1,2}月\d{1,2}日前回复/);
    await expect(page.getByRole("heading", { name: "评价本次服务" })).toHaveCount(0);
    await expect(page.getByRole("list").filter({ hasText: "申请人评价了本次服务" })).toContainText("申请人评价了本次服务 — 不满意");
    await expectNoAxeViolations(page);
  });

  await test.step("the food licence clerk replies from the desk", async () => {
    const context = await browser.newContext();
    const desk = await context.newPage();
    await signIn(desk, "clerk-amr");
    await desk.getByRole("link", { name: /差评回访/ }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "差评回访" })).toBeVisible();
    const item = desk.getByRole("listitem").filter({ hasText: caseNumber });
    await expect(item).toContainText("不满意");
    await expect(item).toContainText(comment);
    await expectNoAxeViolations(desk);

    await item.getByRole("link", { name: `开办餐饮店一件事 ${caseNumber}` }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
    await expect(desk.getByRole("main")).toContainText(comment);
    await expect(desk.getByRole("link", { name: "食品经营许可" })).toBeVisible();
    await expectNoAxeViolations(desk);

    await desk.getByRole("button", { name: "发送回复" }).click();
    const summary = desk.getByRole("alert").filter({ has: desk.getByRole("heading", { name: "请检查以下问题" }) });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "请填写回复内容，申请人会看到。" })).toHaveAttribute("href", "#reply");
    await expectNoAxeViolations(desk);

    await desk.getByLabel("回复内容").fill(reply);
    await desk.getByRole("button", { name: "发送回复" }).click();
    await expect(desk.getByRole("status").getByRole("heading", { name: "已回复，申请人会收到通知" })).toBeVisible();
    await expect(desk.getByRole("main")).toContainText(reply);
    await expect(desk.getByRole("button", { name: "发送回复" })).toHaveCount(0);
    await expectNoAxeViolations(desk);
    await context.close();
  });

  await test.step("the company sees the reply", async () => {
    await page.goto(`/me/cases/${caseNumber}`);
    await expect(replyCard(page, "市场监督管理局")).toContainText(reply);
    await expect(replyCard(page, "消防救援支队")).toContainText("等待回复");
    await expect(replyCard(page, "生态环境局")).toContainText("等待回复");
  });

  await test.step("the public statistics count the rating", async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto("/");
    await visitor.getByRole("link", { name: "统计和办件公示" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "政务服务统计和办件公示" })).toBeVisible();
    const byDepartment = visitor.getByRole("table", { name: "各部门的评价数、平均分和好评率" });
    await expect(byDepartment.getByRole("row", { name: /生态环境局/ })).toBeVisible();
    await expectNoAxeViolations(visitor);
    await context.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen rates an instant proof, and a good rating opens no follow-up", async ({ page }) => {
    await signIn(page, "citizen");
    await submitInstantProof(page);
    await expect(page.getByText("状态：").locator("..")).toContainText("已办结");

    const rating = page.getByRole("region", { name: "评价本次服务" });
    await rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "非常满意" }).check();
    await rating.getByRole("group", { name: "办理效率" }).getByRole("radio", { name: "非常满意" }).check();
    await rating.getByRole("button", { name: "提交评价" }).click();
    const summary = rating.getByRole("alert").filter({ has: page.getByRole("heading", { name: "请检查以下问题" }) });
    await expect(summary.getByRole("link")).toHaveText(["请选择您对办事指南准确性的评价", "请选择您对办事便捷程度的评价"]);
    await expect(rating.getByRole("group", { name: "您对本次服务的总体评价" }).getByRole("radio", { name: "非常满意" })).toBeChecked();
    await expect(rating.getByRole("group", { name: "办理效率" }).getByRole("radio", { name: "非常满意" })).toBeChecked();

    await rating.getByRole("group", { name: "办事指南是否准确" }).getByRole("radio", { name: "满意", exact: true }).check();
    await rating.getByRole("group", { name: "办事便捷程度" }).getByRole("radio", { name: "非常满意" }).check();
    await rating.getByLabel("意见和建议（选填）").fill("即时办结，很方便。");
    await rating.getByRole("button", { name: "提交评价" }).click();
    await page.waitForURL(/\?rated=1/);
    await expect(page.getByRole("status").getByRole("heading", { name: "感谢您的评价" })).toBeVisible();
    const shown = page.getByRole("region", { name: "您的评价" });
    await expect(shown).toContainText("即时办结，很方便。");
    await expect(shown.getByRole("heading", { name: "部门回复" })).toHaveCount(0);
  });
});
