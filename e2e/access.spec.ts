/**
 * Bad input and access: what a person sees when they open something that is not there or not theirs, sign in
 * wrongly, submit twice, or apply for an instant service.
 */
import { ApplyForm, caseNumberOf, expect, expectNoAxeViolations, proofAnswers, restaurantAnswers, signIn, submitSignIn, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";

test("a service code that does not exist shows the not-found page", async ({ page }) => {
  const response = await page.goto("/services/NO-SUCH-CODE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "找不到该页面" })).toBeVisible();
  await expect(page.getByRole("link", { name: "查找服务" })).toHaveAttribute("href", "/services");
  await expectNoAxeViolations(page);
});

test("a wrong password is refused with the reason at the top of the form", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名", { exact: true }).fill("citizen");
  await page.getByLabel("密码", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const summary = page.getByRole("alert", { name: "请检查以下问题" });
  await expect(summary.getByRole("link", { name: "用户名或密码不正确，请检查后重试" })).toHaveAttribute("href", "#username");
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("用户名", { exact: true })).toHaveValue("citizen");
  await expectNoAxeViolations(page);
});

test("a citizen opening the department desk is told they may not see it", async ({ page }) => {
  await signIn(page, "citizen");
  const response = await page.goto("/desk");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "您无权查看此页面" })).toBeVisible();
  await expect(page.getByRole("button", { name: /认领/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a citizen opening a company-only service is told to use a company account", async ({ page }) => {
  await signIn(page, "citizen");
  await page.goto("/apply/BUNDLE-RESTAURANT");
  await expect(page.getByRole("heading", { level: 1, name: "开办餐饮店一件事" })).toBeVisible();
  await expect(page.getByText("此服务面向企业和组织。请使用企业账号登录后申请。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申请" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("someone not signed in is asked to sign in, then taken back to where they were going", async ({ page }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme$/);
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await expectNoAxeViolations(page);
  await submitSignIn(page, "citizen");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "我的办件" })).toBeVisible();
  await expect(page.getByText("已登录：张三")).toBeVisible();
});

test("an instant service is concluded as soon as it is submitted", async ({ page }) => {
  await signIn(page, "citizen");
  await page.goto("/apply/HRSS-PROOF");
  await expect(page.getByRole("heading", { level: 1, name: "社会保险参保缴费证明" })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = new ApplyForm(page);
  await form.start();
  await form.fillProof(proofAnswers());
  await expectNoAxeViolations(page);
  await form.continue();
  await expect(page.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await expectNoAxeViolations(page);
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  await expect(page.getByRole("status").getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.getByText("状态：").locator("..")).toContainText("已办结");
  const task = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "人力资源和社会保障局" }) });
  await expect(task).toContainText("准予许可");
  await expectNoAxeViolations(page);
});

test.describe("a company's case", () => {
  test.describe.configure({ mode: "serial" });
  let caseNumber = "";

  test("submitting twice in quick succession makes one case", async ({ page, applyForm }) => {
    await signIn(page, "enterprise");
    const restaurantCases = page.getByRole("main").getByRole("link", { name: "开办餐饮店一件事" });
    await expect(page.getByRole("heading", { level: 1, name: "我的办件" })).toBeVisible();
    const before = await restaurantCases.count();

    await page.goto("/apply/BUNDLE-RESTAURANT");
    await applyForm.start();
    await applyForm.completeRestaurant(restaurantAnswers({ shopName: "两次提交小馆" }));
    const checkPage = page.url();
    await applyForm.submitButton.dblclick();
    await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
    caseNumber = caseNumberOf(page);
    await expect(page.getByRole("status").getByRole("heading", { name: "申请已提交" })).toBeVisible();

    // Back to the check page of the submitted draft: it is gone, and nothing can be sent twice from it.
    await page.goto(checkPage);
    await expect(page.getByRole("heading", { level: 1, name: "找不到该页面" })).toBeVisible();

    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "我的办件" })).toBeVisible();
    await expect(restaurantCases).toHaveCount(before + 1);
    await expect(page.getByRole("row").filter({ hasText: caseNumber })).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test("another citizen opening the company's case finds nothing there", async ({ page }) => {
    await signIn(page, "citizen2");
    const response = await page.goto(`/me/cases/${caseNumber}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "找不到该页面" })).toBeVisible();
    await expect(page.getByText(caseNumber)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a fire clerk opening the market regulator's task finds nothing there", async ({ browser, page }) => {
    const amrTask = await taskLinkFor(browser, "clerk-amr", caseNumber);
    await signIn(page, "clerk-fire");
    const response = await page.goto(amrTask);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "找不到该页面" })).toBeVisible();
    await expect(page.getByText(caseNumber)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

/** The address of the case's task in a clerk's queue, as the clerk's own desk links to it. */
async function taskLinkFor(browser: Browser, clerk: string, caseNumber: string) {
  const context = await browser.newContext();
  const desk: Page = await context.newPage();
  await signIn(desk, clerk);
  const link = desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("link");
  await expect(link).toHaveAttribute("href", /^\/desk\/tasks\/[0-9a-f-]+$/);
  const href = (await link.getAttribute("href"))!;
  // The owning clerk does see it.
  await desk.goto(href);
  await expect(desk.getByRole("heading", { level: 1, name: "食品经营许可" })).toBeVisible();
  await context.close();
  return href;
}
