/**
 * Staff's second factor: an admin requires it of a department, whose clerk is then held to setting it up after
 * signing in; the clerk enrols with a code computed from the secret on the page, signs in again with a code (a
 * reused and a wrong one refused first) and with a recovery code (once only), in both languages; the admin resets it.
 * And the credentials endpoint gives an enrolled account no session for its password alone.
 */
import { generate } from "otplib";
import { expect, expectNoAxeViolations, freshDemoCode, password, setLocale, signIn, test } from "./fixtures";

const TEST_CLOCK_COOKIE = "onedoor-test-now";

test("a required clerk enrols, signs in with a code and a recovery code, and the admin resets it", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");

  await test.step("the admin requires a second factor of TAX's staff", async () => {
    await admin.goto("/admin/departments");
    await admin.getByRole("link", { name: "TAX", exact: true }).click();
    await admin.getByRole("button", { name: "要求 TAX 使用两步验证" }).click();
    await expect(admin.getByRole("status")).toContainText("部门 TAX 的工作人员现在必须使用两步验证");
    await expect(admin.getByRole("button", { name: "取消 TAX 的两步验证要求" })).toBeVisible();
    await expectNoAxeViolations(admin);
  });

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  const origin = new URL(admin.url()).origin;
  let enrolmentCode = "";
  let secret = "";
  let recoveryCodes: string[] = [];

  await test.step("the clerk signs in with the password and is held to setting it up", async () => {
    await clerk.goto("/login");
    await clerk.getByLabel("用户名", { exact: true }).fill("clerk-tax");
    await clerk.getByLabel("密码", { exact: true }).fill(password);
    await clerk.getByRole("button", { name: "登录", exact: true }).click();
    await expect(clerk).toHaveURL(/\/account\/two-factor$/);
    await expect(clerk.getByRole("heading", { name: "请先设置两步验证" })).toBeVisible();
    await clerk.goto("/desk");
    await expect(clerk).toHaveURL(/\/account\/two-factor$/);
    await expectNoAxeViolations(clerk);
  });

  await test.step("the clerk scans the QR code (here: reads the key) and confirms with a code", async () => {
    await clerk.getByRole("button", { name: "开始设置" }).click();
    await expect(clerk.getByRole("img", { name: "OneDoor 账号 clerk-tax 的身份验证器二维码" })).toBeVisible();
    secret = ((await clerk.getByTestId("two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel("应用显示的验证码").fill("000000" === (await generate({ secret })) ? "111111" : "000000");
    await clerk.getByRole("button", { name: "完成设置" }).click();
    await expect(clerk.getByRole("alert", { name: "请检查以下问题" })).toContainText("验证码不正确");
    enrolmentCode = await generate({ secret });
    await clerk.getByLabel("应用显示的验证码").fill(enrolmentCode);
    await clerk.getByRole("button", { name: "完成设置" }).click();
    await expect(clerk.getByRole("heading", { name: "请保存您的恢复码" })).toBeVisible();
    recoveryCodes = (await clerk.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expectNoAxeViolations(clerk);
    await clerk.getByRole("link", { name: "我已保存恢复码，继续" }).click();
    await expect(clerk).toHaveURL(/\/desk$/);
  });

  const signOutAndEnterPassword = async (words: { signOut: string; username: string; password: string; submit: string }) => {
    await clerk.getByRole("button", { name: words.signOut }).click();
    await clerk.goto("/login");
    await clerk.getByLabel(words.username, { exact: true }).fill("clerk-tax");
    await clerk.getByLabel(words.password, { exact: true }).fill(password);
    await clerk.getByRole("button", { name: words.submit, exact: true }).click();
    await expect(clerk).toHaveURL(/\/login\/code$/);
  };
  const zh = { signOut: "退出登录", username: "用户名", password: "密码", submit: "登录" };
  const en = { signOut: "Sign out", username: "User name", password: "Password", submit: "Sign in" };

  await test.step("signing in again asks for a code: a used and a wrong one are refused, a fresh one lets them in", async () => {
    await signOutAndEnterPassword(zh);
    await expect(clerk.getByRole("heading", { level: 1, name: "输入验证码" })).toBeVisible();
    await expect(clerk.locator('input[name="password"]')).toHaveCount(0);
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel("验证码或恢复码").fill(enrolmentCode);
    await clerk.getByRole("button", { name: "继续" }).click();
    await expect(clerk.getByRole("alert", { name: "请检查以下问题" })).toContainText("这个验证码已经用过了");
    // A code of two minutes from now is right then, not now.
    const epochLater = Math.floor(Date.now() / 1000) + 120;
    await clerk.getByLabel("验证码或恢复码").fill(await generate({ secret, epoch: epochLater }));
    await clerk.getByRole("button", { name: "继续" }).click();
    await expect(clerk.getByRole("alert", { name: "请检查以下问题" })).toContainText("验证码不正确");
    await expectNoAxeViolations(clerk);
    // The app's next code, half a minute on (on the test clock rather than by waiting).
    const epochNext = Math.floor(Date.now() / 1000) + 30;
    await clerkContext.addCookies([{ name: TEST_CLOCK_COOKIE, value: new Date(epochNext * 1000).toISOString(), url: origin }]);
    await clerk.getByLabel("验证码或恢复码").fill(await generate({ secret, epoch: epochNext }));
    await clerk.getByRole("button", { name: "继续" }).click();
    await expect(clerk).toHaveURL(/\/desk$/);
    await clerkContext.clearCookies({ name: TEST_CLOCK_COOKIE });
  });

  await test.step("in English, a recovery code signs in once, and is refused the second time", async () => {
    await setLocale(clerkContext, "en");
    await clerk.reload();
    await signOutAndEnterPassword(en);
    await expect(clerk.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
    await clerk.getByLabel("Code or recovery code").fill(recoveryCodes[0]);
    await clerk.getByRole("button", { name: "Continue" }).click();
    await expect(clerk).toHaveURL(/\/desk$/);
    await signOutAndEnterPassword(en);
    await clerk.getByLabel("Code or recovery code").fill(recoveryCodes[0]);
    await clerk.getByRole("button", { name: "Continue" }).click();
    await expect(clerk.getByRole("alert", { name: "There is a problem" })).toContainText("That recovery code has already been used; each works only once.");
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel("Code or recovery code").fill(recoveryCodes[1]);
    await clerk.getByRole("button", { name: "Continue" }).click();
    await expect(clerk).toHaveURL(/\/desk$/);
    await clerk.goto("/account/two-factor");
    await expect(clerk.getByText("8 recovery codes are left unused.")).toBeVisible();
    await expect(clerk.getByText("Your role or department requires two-step verification, so it cannot be turned off.")).toBeVisible();
    await expectNoAxeViolations(clerk);
  });

  await test.step("the admin resets the clerk's second factor and stops requiring it; the clerk's session ends", async () => {
    await admin.goto("/admin/people");
    await admin.getByRole("link", { name: "clerk-tax", exact: true }).click();
    await admin.getByRole("button", { name: "重置 clerk-tax 的两步验证" }).click();
    await expect(admin.getByRole("status")).toContainText("已重置 clerk-tax 的两步验证");
    await expectNoAxeViolations(admin);
    await admin.goto("/admin/departments");
    await admin.getByRole("link", { name: "TAX", exact: true }).click();
    await admin.getByRole("button", { name: "取消 TAX 的两步验证要求" }).click();
    await expect(admin.getByRole("status")).toContainText("部门 TAX 不再要求两步验证");
    await clerk.goto("/desk");
    await expect(clerk).toHaveURL(/\/login\?callbackUrl=%2Fdesk$/);
  });
  await clerkContext.close();
  await admin.context().close();
});

test("the credentials endpoint gives an enrolled admin no session for the password alone", async ({ playwright }) => {
  const baseURL = test.info().project.use.baseURL!;
  const { clock, code } = await freshDemoCode("admin");
  // The code is right at the test clock's time this run gives it (e2e/fixtures.ts freshDemoCode).
  const host = new URL(baseURL).hostname;
  const clockCookie = { name: TEST_CLOCK_COOKIE, value: clock, domain: host, path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" as const };
  const client = await playwright.request.newContext({ baseURL, storageState: { cookies: [clockCookie], origins: [] } });
  const post = async (form: Record<string, string>) => {
    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return client.post("/api/auth/callback/credentials", { form: { csrfToken, callbackUrl: "/", ...form }, maxRedirects: 0 });
  };
  const sessionCookies = async () => (await client.storageState()).cookies.filter((cookie) => cookie.name.includes("session-token"));

  const passwordOnly = await post({ username: "admin", password });
  expect(passwordOnly.status()).toBe(302);
  expect(passwordOnly.headers().location).toContain("code=second-factor");
  expect(await sessionCookies()).toEqual([]);

  const withCode = await post({ username: "admin", password, code });
  expect(withCode.status()).toBe(302);
  expect(withCode.headers().location).not.toContain("error");
  expect(await sessionCookies()).not.toEqual([]);
  await client.dispose();
});
