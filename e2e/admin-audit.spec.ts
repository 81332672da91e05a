/**
 * An administrator opens the audit trail, verifies it, and sees the outcome with its time; the latest records show
 * the admin's own sign-in, and the page passes axe.
 */
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test("the admin verifies the audit trail and sees that it holds", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计日志");
  await expect(page.getByRole("table", { name: "最近的记录" })).toContainText("登录");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "立即校验" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?verified=\d+$/);
  const outcome = page.locator("#verification-outcome");
  await expect(outcome).toContainText("审计日志完整");
  await expect(outcome.getByRole("time")).toBeVisible();
  // The verification is itself recorded, by whom and with what outcome.
  await expect(page.getByRole("table", { name: "最近的记录" }).getByRole("row").nth(1)).toContainText("校验审计日志");
  await expectNoAxeViolations(page);
});
