/**
 * 适老化: the elder-friendly mode makes text larger and lines looser on every page, stays on across pages and
 * visits (a cookie), works without signing in, and can be turned off again.
 */
import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the elder-friendly mode enlarges the text, persists, and can be turned off", async ({ page }) => {
  await page.goto("/services");
  const bodyFontSize = async () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const standard = await bodyFontSize();

  await page.getByRole("link", { name: "关怀模式（大字）" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.locator("html")).toHaveClass(/elder/);
  const larger = await bodyFontSize();
  expect(larger).toBeGreaterThanOrEqual(22);
  expect(larger).toBeGreaterThan(standard * 1.2);
  const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize));
  expect(lineHeight).toBeGreaterThanOrEqual(1.3);
  await expectNoAxeViolations(page);

  // Another page, another visit: still on.
  await page.goto("/services/BUNDLE-RESTAURANT");
  await expect(page.locator("html")).toHaveClass(/elder/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "退出关怀模式" }).click();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  expect(await bodyFontSize()).toBe(standard);
});
