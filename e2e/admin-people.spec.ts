/**
 * An administrator creates a clerk of the fire brigade; the new clerk signs in with the one-time password the admin
 * was shown, is sent to choose a password of their own before anything else (a common one refused, with the reason),
 * and then works the fire brigade's queue. The admin's change record shows the new account, without its password.
 */
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test("the admin creates a FIRE clerk, who must choose a password before reaching the FIRE queue", async ({ browser, page }) => {
  // A new name each run, so the journey can run again against the same server.
  const username = `clerk-fire-${Date.now().toString(36)}`;

  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "人员与角色" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("人员与角色");
  const form = page.getByRole("region", { name: "新建账号" });

  // A clerk without a department is refused, with the reason next to the field.
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("消防新人");
  await form.getByRole("radio", { name: /部门窗口人员/ }).check();
  await form.getByRole("button", { name: "新建账号" }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toContainText("请选择该窗口人员办理队列所属的部门。");
  await expect(form.getByLabel("用户名")).toHaveValue(username);

  await form.getByLabel("部门", { exact: true }).selectOption({ label: "消防救援支队 (FIRE)" });
  await form.getByRole("button", { name: "新建账号" }).click();
  const shown = page.getByRole("status").filter({ hasText: `已新建账号 ${username}` });
  await expect(shown).toBeVisible();
  const oneTimePassword = (await shown.getByTestId("one-time-password").textContent())!.trim();
  expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
  await expectNoAxeViolations(page);

  // The new clerk signs in with it, in a browser of their own.
  const context = await browser.newContext();
  const clerk = await context.newPage();
  await clerk.goto("/login");
  await clerk.getByLabel("用户名", { exact: true }).fill(username);
  await clerk.getByLabel("密码", { exact: true }).fill(oneTimePassword);
  await clerk.getByRole("button", { name: "登录", exact: true }).click();
  await clerk.waitForURL(/\/account\/password$/);
  await expect(clerk.getByRole("heading", { name: "请先设置自己的密码" })).toBeVisible();
  // Every other page sends them back here until they have.
  await clerk.goto("/desk");
  await expect(clerk).toHaveURL(/\/account\/password$/);
  await expectNoAxeViolations(clerk);

  const choose = async (newPassword: string) => {
    await clerk.getByLabel("当前密码").fill(oneTimePassword);
    await clerk.getByLabel("新密码", { exact: true }).fill(newPassword);
    await clerk.getByLabel("再次输入新密码").fill(newPassword);
    await clerk.getByRole("button", { name: "保存密码" }).click();
  };
  await choose("qwerty123456");
  await expect(clerk.getByRole("alert", { name: "有问题需要处理" })).toContainText("这是最常见的密码之一，很容易被猜到。");
  await choose("short");
  await expect(clerk.getByRole("alert", { name: "有问题需要处理" })).toContainText("新密码至少 12 个字符。");
  await expectNoAxeViolations(clerk);

  await choose("灭火器 每月 检查 2026");
  await clerk.waitForURL(/\/desk$/);
  await expect(clerk.getByRole("heading", { level: 1 })).toContainText("待办任务");
  await expect(clerk.getByText("消防救援支队").first()).toBeVisible();
  await context.close();

  // The change record names the new account and who made it, and nothing of its password.
  await page.goto("/admin/changes?entity=user");
  const record = page.getByRole("region", { name: "系统管理变更，最新的在前" });
  await expect(record.getByRole("row").nth(1)).toContainText(username);
  await expect(record.getByRole("row").nth(1)).toContainText("账号 · 新增");
  await expect(record).not.toContainText(oneTimePassword);
  await expect(record).not.toContainText("argon2");
  await expectNoAxeViolations(page);
});
