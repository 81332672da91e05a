/**
 * The wizard as a citizen uses it for a social security card: their identity is filled in from the register and
 * locked, they stop half-way and come back on another device, reuse a document from their e-licence wallet,
 * upload a photo, and check their answers before the one submit.
 */
import { ApplyForm, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a draft saved on one device is finished on another", async ({ page, browser }) => {
  await signIn(page, "citizen");
  await page.goto("/apply/HRSS-SSCARD");
  const form = new ApplyForm(page);
  await form.start();

  await form.answerYesNo("是否为未满16周岁的子女申领？", "否");
  // Prefilled from the population register, locked, and saying so.
  const name = form.field("持卡人姓名");
  await expect(name).toHaveValue("张三");
  await expect(name).toHaveAttribute("readonly", "");
  await expect(name).toHaveAccessibleDescription(/实名身份信息/);
  await expectNoAxeViolations(page);
  await form.continue();

  await form.field("合作银行").selectOption({ label: "中国银行" });
  await page.getByRole("button", { name: "保存，稍后再填" }).click();
  await page.waitForURL(/\/me\?saved=/);
  await expect(page.getByRole("status").getByRole("heading", { name: "您填写的内容已保存" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "草稿" })).toBeVisible();
  await expect(page.getByRole("button", { name: "删除草稿 · 社会保障卡申领" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Another device: a fresh browser, signed in again.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "citizen");
  await other.getByRole("link", { name: "社会保障卡申领" }).first().click();
  await expect(other.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await expect(other.getByRole("main")).toContainText("中国银行");
  // An answer can be changed from here; a locked value from the register cannot, so it offers no link.
  await expect(other.getByRole("link", { name: /合作银行/ })).toBeVisible();
  await expect(other.getByRole("main")).toContainText("张三");
  await expect(other.getByRole("link", { name: /持卡人姓名/ })).toHaveCount(0);
  // The missing answers are listed, each leading to its page.
  await other.getByRole("alert").getByRole("link", { name: /领卡方式/ }).click();
  const next = new ApplyForm(other);
  await expect(next.field("合作银行").locator("option:checked")).toHaveText("中国银行");
  await next.question("领卡方式").getByRole("radio", { name: "到银行网点领取" }).check();
  await next.continue();

  await other.getByRole("checkbox", { name: /居民户口簿/ }).check();
  await other.locator('input[type=file][name="photo"]').setInputFiles({ name: "me.png", mimeType: "image/png", buffer: onePixelPng });
  await expectNoAxeViolations(other);
  await next.continue();

  await expect(other.getByRole("heading", { level: 1, name: "核对填写内容" })).toBeVisible();
  await expect(other.getByRole("main")).toContainText("me.png");
  // The wallet licence is named by its title and number, here and on the tracker alike.
  const walletLine = other.getByRole("main").getByText(/^取自您的电子证照: 居民户口簿（证照编号：.+）$/);
  await expect(walletLine).toBeVisible();
  const named = (await walletLine.textContent())!;
  await next.submitButton.click();
  await other.waitForURL(/\/me\/cases\/[^/?]+\?submitted=1$/);
  await expect(other.getByRole("main")).toContainText(named);

  // The draft became the case: it is no longer listed (other journeys may leave drafts of other services).
  await other.goto("/me");
  await expect(other.getByRole("button", { name: "删除草稿 · 社会保障卡申领" })).toHaveCount(0);
  // A cut or made-up page address shows the first page of the list, not an error.
  const firstPage = await other.goto("/me?status=open&after=not-a-cursor");
  expect(firstPage?.status()).toBe(200);
  await expect(other.getByRole("heading", { level: 2, name: "办件", exact: true })).toBeVisible();
});
