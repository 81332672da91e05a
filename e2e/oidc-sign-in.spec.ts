/**
 * Citizens and company staff sign in through the government's unified identity provider (统一身份认证): the button on
 * /login takes them to the provider's own sign-in page, and the provider sends them back signed in — as the person
 * the register already knows by their verified ID number (张三, with his case; 孙八, a walk-in recorded at the
 * counter who had no account at all, with the case filed for him there), or as a new person (周新), or as the legal
 * representative who then applies for his company (王五). An unverified number, a name the register does not know
 * for the number, and a sign-in cancelled at the provider come back to /login with the reason, in the reader's
 * language. Demo password accounts still sign in beside it.
 *
 * The journey runs its own identity provider (e2e/oidc-provider.ts, a real OpenID Connect provider on a local port)
 * and its own portal server pointed at it (OIDC_*), started after the provider; nothing is mocked between them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { ApplyForm, expect, expectNoAxeViolations, submitSignIn, test, type TLocale } from "./fixtures";
import { idCardScope, identityPassword, startTestIdentityProvider, testIdentities, type TTestIdentityAccount, type TTestIdentityProvider } from "./oidc-provider";
import { runScript, startServer, type TPrivateServer } from "./private-server";

// Beside the journeys' own server (E2E_PORT): the portal 100 above it, the identity provider next to that.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const appPort = basePort + 100;
const providerPort = basePort + 101;
// "localhost", not 127.0.0.1: Next.js rewrites a loopback address in a route handler's URL to localhost, so Auth.js
// would send the provider a redirect URI of 127.0.0.1 and exchange the code under localhost's (invalid_grant).
const appOrigin = `http://localhost:${appPort}`;

let identityProvider: TTestIdentityProvider;
let server: TPrivateServer;
let dataDir: string;
let seeded: { zhangSanCase: string; walkInCase: string };

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The provider first: the portal is started with its address, as a deployment would be.
  identityProvider = await startTestIdentityProvider({ port: providerPort, portalOrigin: appOrigin });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-oidc-journey-"));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    AUTH_SECRET: "oidc-journey-secret-0123456789abcdef",
    PUBLIC_BASE_URL: appOrigin,
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: identityProvider.clientId,
    OIDC_CLIENT_SECRET: identityProvider.clientSecret,
    OIDC_SCOPE: `openid profile phone ${idCardScope}`,
  };
  const setup = await runScript("scripts/setup.ts", env);
  expect(setup.code, setup.output).toBe(0);
  const seed = await runScript("e2e/seed-oidc-journey.ts", env);
  expect(seed.code, seed.output).toBe(0);
  seeded = JSON.parse(seed.output.trim().split("\n").at(-1)!) as typeof seeded;
  server = await startServer(appPort, env);
});

test.afterAll(async () => {
  await server?.stop();
  await identityProvider?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A browser of its own (the provider remembers who signed in there), reading in `language` (the NEXT_LOCALE cookie). */
async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean; language?: TLocale } = {}) {
  const context = await browser.newContext({ baseURL: appOrigin, locale: "zh-CN", javaScriptEnabled: options.javaScriptEnabled ?? true });
  if (options.language) await context.addCookies([{ name: "NEXT_LOCALE", value: options.language, url: appOrigin }]);
  return context.newPage();
}

/** From /login: the identity button, the provider's own sign-in page, and back to the portal. */
async function signInAtProvider(page: Page, account: TTestIdentityAccount, button = "统一身份认证登录") {
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL((url) => url.origin === identityProvider.issuer);
  await expect(page.getByRole("heading", { level: 1, name: "统一身份认证平台（测试）" })).toBeVisible();
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码").fill(identityPassword);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.origin === appOrigin);
}

test("a citizen signs in at the identity provider and lands on /me as the person the register knows, with his case", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 2, name: "居民和企业" })).toBeVisible();
  await expectNoAxeViolations(page);
  await signInAtProvider(page, "zhangsan");
  await expect(page).toHaveURL(`${appOrigin}/me`);
  await expect(page.getByText("已登录：张三")).toBeVisible();
  await expect(page.getByRole("main")).toContainText(seeded.zhangSanCase);

  // Signing out of the portal ends his session at the provider too (a shared computer): the provider asks, he
  // confirms and is back on the portal's sign-in page; the button then asks who is signing in, and signing in again
  // brings him back, through the same link, as the same person.
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.origin === identityProvider.issuer);
  await page.getByRole("button", { name: "确认退出" }).click();
  await page.waitForURL(`${appOrigin}/login`);
  await expect(page.getByText("已登录：张三")).toHaveCount(0);
  await signInAtProvider(page, "zhangsan");
  await expect(page).toHaveURL(`${appOrigin}/me`);
  await expect(page.getByText("已登录：张三")).toBeVisible();
  await expect(page.getByRole("main")).toContainText(seeded.zhangSanCase);
  await page.context().close();
});

test("a walk-in recorded at the counter signs in for the first time and finds the case filed for him there", async ({ browser }) => {
  // Without JavaScript too: the button is a plain form whose answer sends the browser on to the provider.
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme$/);
  await signInAtProvider(page, "sunba");
  await expect(page).toHaveURL(`${appOrigin}/me`);
  await expect(page.getByText("已登录：孙八")).toBeVisible();
  await expect(page.getByRole("main")).toContainText(seeded.walkInCase);
  await page.context().close();
});

test("a person nobody has recorded is created at the first sign-in, with the provider's name and numbers", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await signInAtProvider(page, "zhouxin");
  await expect(page).toHaveURL(`${appOrigin}/me`);
  await expect(page.getByText("已登录：周新")).toBeVisible();
  await page.goto("/me/profile");
  const details = page.getByRole("main");
  await expect(details).toContainText("周新");
  // Masked on the page, and nowhere in an address.
  await expect(details).toContainText("3101**********0027");
  await expect(details).toContainText("139****5678");
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("the legal representative signs in through the provider and applies for his company", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await signInAtProvider(page, "wangwu");
  await expect(page.getByText("已登录：王五")).toBeVisible();
  await page.goto("/me/profile");
  await expect(page.getByRole("heading", { level: 2, name: "我代表的企业" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "上海一门餐饮管理有限公司" })).toContainText("法定代表人");

  await page.goto("/apply/BUNDLE-RESTAURANT");
  await expect(page.getByRole("main")).toContainText("上海一门餐饮管理有限公司");
  const form = new ApplyForm(page);
  await form.start();
  // The enterprise registry's credit code, locked: he acts for this company.
  await expect(form.field("统一社会信用代码")).toHaveValue("91310104MA1FL8XQ36");
  await expect(form.field("统一社会信用代码")).toHaveAttribute("readonly", "");
  await page.context().close();
});

test("refusals come back to the sign-in page with the reason, in the reader's language", async ({ browser }) => {
  const unverified = await newPage(browser);
  await unverified.goto("/login");
  await signInAtProvider(unverified, "wuwei");
  await expect(unverified).toHaveURL(/\/login\?error=forbidden%3Aidentity-unverified$/);
  await expect(unverified.getByRole("alert").filter({ hasText: "您的身份证号码尚未在统一身份认证平台完成实名核验，暂不能登录" })).toBeVisible();
  await expect(unverified.getByText(/已登录/)).toHaveCount(0);
  await expectNoAxeViolations(unverified);
  await unverified.context().close();

  const mismatch = await newPage(browser, { language: "en" });
  await mismatch.goto("/login");
  await signInAtProvider(mismatch, "lisi", "Sign in with the government identity");
  await expect(mismatch.getByRole("alert").filter({ hasText: "The details the government identity gave do not match our records" })).toBeVisible();
  await expect(mismatch.getByText(/Signed in as/)).toHaveCount(0);
  await mismatch.context().close();

  // Cancelled at the provider: "did not finish", and the password form is still there for a demo account.
  const cancelled = await newPage(browser, { language: "zh-Hant" });
  await cancelled.goto("/login");
  await cancelled.getByRole("button", { name: "統一身分認證登入" }).click();
  await cancelled.waitForURL((url) => url.origin === identityProvider.issuer);
  await cancelled.getByRole("link", { name: "取消，返回办事网站" }).click();
  await cancelled.waitForURL((url) => url.origin === appOrigin);
  await expect(cancelled.getByRole("alert").filter({ hasText: "統一身分認證登入未完成，請重試" })).toBeVisible();
  await submitSignIn(cancelled, "citizen2");
  await expect(cancelled).toHaveURL(`${appOrigin}/me`);
  await expect(cancelled.getByText("已登入：李四")).toBeVisible();
  await cancelled.context().close();
});

test("the server's output names no ID number of anyone who signed in or was refused", async ({ browser }) => {
  // One sign-in and one refusal of its own, whatever ran before on this server.
  for (const account of ["zhouxin", "lisi"] as const) {
    const page = await newPage(browser);
    await page.goto("/login");
    await signInAtProvider(page, account);
    await page.context().close();
  }
  const printed = server.output();
  // It did log the sign-ins (by user id and how the person was found), so the check looked at something.
  expect(printed).toContain("signed in through unified identity");
  for (const identity of Object.values(testIdentities)) expect(printed).not.toContain(identity.idNumber);
});
