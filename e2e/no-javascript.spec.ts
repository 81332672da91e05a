/**
 * Without JavaScript the portal still works: signing in and every step of the wizard are plain form posts,
 * errors come back in the page, and questions that a rule on the same page would reveal are offered with a note.
 *
 * axe cannot run in a page whose scripts are blocked, so these pages are scanned with JavaScript in the other
 * journeys. Playwright's text matching skips <noscript> content, so the fields offered there are found by label.
 */
import { ApplyForm, caseNumberOf, expect, proofAnswers, restaurantAnswers, signIn, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("a citizen gets an instant proof without JavaScript", async ({ page }) => {
  await signIn(page, "citizen");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/apply/HRSS-PROOF");
  const form = new ApplyForm(page);
  await form.start();
  await form.fillProof(proofAnswers());
  await form.continue();
  await form.submitButton.click();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  await expect(page.getByRole("status").getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.getByText("状态：").locator("..")).toContainText("已办结");
});

test("a company applies to open a restaurant without JavaScript", async ({ page }) => {
  await signIn(page, "enterprise");
  await expect(page.getByRole("heading", { level: 1, name: "我的办件" })).toBeVisible();
  const restaurantCases = page.getByRole("main").getByRole("link", { name: "开办餐饮店一件事" });
  const before = await restaurantCases.count();

  await page.goto("/apply/BUNDLE-RESTAURANT");
  const form = new ApplyForm(page);
  await form.start();

  await form.fillRestaurant(restaurantAnswers({ seats: "四十", hasOutdoorSign: "是" }));
  await form.continueButton.click();
  await expect(form.errorSummary.getByRole("link", { name: "“就餐座位数”必须是数字" })).toHaveAttribute("href", "#field-seats");
  await expect(form.field("就餐座位数")).toHaveAttribute("aria-invalid", "true");
  // The other answers come back as they were sent.
  await expect(form.field("店铺名称")).toHaveValue("一门小馆");
  await expect(form.field("主要经营项目").locator("option:checked")).toHaveText("热食类食品制售");
  await expect(form.question("是否在建筑物外设置招牌？").getByRole("radio", { name: "是" })).toBeChecked();

  await form.field("就餐座位数").fill("40");
  await form.continue();
  await form.completeRestaurant(restaurantAnswers({ hasOutdoorSign: "是" }));
  // Twice, as an impatient person might: without JavaScript nothing stops the second post.
  await form.submitButton.dblclick();
  await page.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  const caseNumber = caseNumberOf(page);
  const departments = page.getByRole("heading", { level: 3 });
  await expect(departments).toHaveText(["市场监督管理局", "消防救援支队", "城市管理局"]);

  await page.goto("/me");
  await expect(restaurantCases).toHaveCount(before + 1);
  await expect(page.getByRole("row").filter({ hasText: caseNumber })).toHaveCount(1);
});
