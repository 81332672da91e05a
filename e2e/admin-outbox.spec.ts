/**
 * An administrator finds the notifications the portal could not deliver (dead letters) from /admin, reads who they
 * were for (masked) and why they failed (no personal data), and sends them again — with JavaScript and without,
 * including a stale page whose notification a colleague already sent. Other roles cannot open the page.
 * The journey has a server of its own: its database is prepared first with three dead letters (two to people, one to
 * a company, which is named rather than masked: a company's name is public), made by the real
 * outbox worker against a mail server that refuses the addresses (e2e/seed-dead-letters.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { freePort, runScript, startServer, type TPrivateServer } from "./private-server";

let server: TPrivateServer;
let dataDir: string;
let deadLetterIds: number[];

test.describe.configure({ timeout: 60_000 });

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-outbox-journey-"));
  // The test clock, as the journeys' own server has it (journey-server-env.ts): the fixture gives each of the admin's
  // sign-ins a time step of its own for the second factor's code (never in production).
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "outbox-journey-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", ONEDOOR_TEST_CLOCK: "on" };
  const setup = await runScript("scripts/setup.ts", env);
  expect(setup.code, setup.output).toBe(0);
  const seeded = await runScript("e2e/seed-dead-letters.ts", env);
  expect(seeded.code, seeded.output).toBe(0);
  const marked = seeded.output.split("\n").find((line) => line.startsWith("dead letters: "));
  expect(marked, seeded.output).toBeDefined();
  deadLetterIds = JSON.parse(marked!.slice("dead letters: ".length)) as number[];
  server = await startServer(await freePort(), env);
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function adminPage(browser: Browser, { javaScriptEnabled }: { javaScriptEnabled: boolean }) {
  const context = await browser.newContext({ baseURL: server.origin, javaScriptEnabled, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, "admin");
  return page;
}

test("an administrator sees the undelivered notifications, masked, and sends them again, with and without JavaScript", async ({ browser }) => {
  const [forLisi, forZhangsan, forCompany] = deadLetterIds;
  const withScript = await adminPage(browser, { javaScriptEnabled: true });
  await withScript.goto("/admin");
  await expect(withScript.getByText("无法投递的通知：3 条")).toBeVisible();
  await withScript.getByRole("link", { name: "查看无法投递的通知" }).click();
  await expect(withScript).toHaveURL(/\/admin\/outbox$/);
  await expect(withScript.getByRole("heading", { level: 1 })).toHaveText("无法投递的通知");

  const lisi = withScript.getByRole("listitem", { name: `办件已受理 · 通知 ${forLisi}` });
  await expect(lisi).toContainText("李*（自然人） · l***@example.cn");
  await expect(lisi).toContainText("24");
  await expect(lisi).toContainText("550 5.1.1 <l***@example.cn>: Recipient address rejected");
  await expect(withScript.getByRole("listitem", { name: `办件已受理 · 通知 ${forZhangsan}` })).toContainText("张*（自然人） · z*******@example.cn");
  const company = withScript.getByRole("listitem", { name: `办件已受理 · 通知 ${forCompany}` });
  await expect(company).toContainText("企业 上海一门餐饮管理有限公司（全体成员）");
  await expect(company).toContainText("<w*****@example.cn>: Recipient address rejected");
  // Nobody's full address is on the page.
  await expect(withScript.locator("main")).not.toContainText("lisi@");
  await expect(withScript.locator("main")).not.toContainText("zhangsan@");
  await expect(withScript.locator("main")).not.toContainText("wangwu@");
  await expectNoAxeViolations(withScript);

  // A colleague opens the same list in a browser without JavaScript.
  const withoutScript = await adminPage(browser, { javaScriptEnabled: false });
  await withoutScript.goto("/admin/outbox");
  await expect(withoutScript.locator("#dead-letters").getByRole("listitem")).toHaveCount(3);

  await withoutScript.getByRole("button", { name: `重新发送 通知 ${forLisi}` }).click();
  await expect(withoutScript.getByRole("status")).toContainText(`通知 ${forLisi} 已重新排入投递队列`);
  await expect(withoutScript.locator("#dead-letters").getByRole("listitem")).toHaveCount(2);

  // The first page, now stale, sends the same one again: it is told, and nothing changes.
  await withScript.getByRole("button", { name: `重新发送 通知 ${forLisi}` }).click();
  await expect(withScript.getByRole("alert", { name: "无法重新发送" })).toContainText("找不到这条投递失败的通知：可能已经重新发送过了。");
  await expect(withScript.locator("#dead-letters").getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(withScript);

  await withScript.getByRole("button", { name: `重新发送 通知 ${forZhangsan}` }).click();
  await expect(withScript.getByRole("status")).toContainText(`通知 ${forZhangsan} 已重新排入投递队列`);
  await withScript.getByRole("button", { name: `重新发送 通知 ${forCompany}` }).click();
  await expect(withScript.getByRole("status")).toContainText(`通知 ${forCompany} 已重新排入投递队列`);
  await expect(withScript.getByText("没有无法投递的通知。")).toBeVisible();
  await expectNoAxeViolations(withScript);

  // In English too.
  await withScript.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: server.origin }]);
  await withScript.goto("/admin/outbox");
  await expect(withScript.getByRole("heading", { level: 1 })).toHaveText("Undelivered notifications");
  await expect(withScript.getByText("There are no undelivered notifications.")).toBeVisible();
});

test("only an administrator may open the page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.origin, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, "clerk-amr");
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(403);
  await expect(page.locator("main")).not.toContainText("李*");
  await context.close();
});
