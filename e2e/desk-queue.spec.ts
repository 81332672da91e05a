/**
 * A health-insurance clerk works a busy queue: finds 张三's tasks by the pinyin initials "zs", narrows them to online
 * applications, claims two at once after one confirmation, and hands one of them to a colleague — then, without
 * JavaScript, claims 李四's tasks the same way. A whole ID number typed into the search is refused and never reaches
 * the address bar; a bulk claim naming another department's task (by a forged address) is refused whole.
 * The journey has a server of its own: its database is prepared first with the queue (e2e/seed-queue-journey.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { freePort, runScript, startServer, type TPrivateServer } from "./private-server";

let server: TPrivateServer;
let dataDir: string;
let fireTask: string;

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-queue-journey-"));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "queue-journey-secret-0123456789abcdef", AUTH_TRUST_HOST: "true" };
  const setup = await runScript("scripts/setup.ts", env);
  expect(setup.code, setup.output).toBe(0);
  const seeded = await runScript("e2e/seed-queue-journey.ts", env);
  expect(seeded.code, seeded.output).toBe(0);
  ({ fireTask } = JSON.parse(seeded.output.trim().split("\n").at(-1)!) as { fireTask: string });
  const port = process.env.E2E_PRIVATE_PORT ? Number(process.env.E2E_PRIVATE_PORT) : await freePort();
  server = await startServer(port, env);
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function clerkPage(browser: Browser, { javaScriptEnabled }: { javaScriptEnabled: boolean }) {
  const context = await browser.newContext({ baseURL: server.origin, javaScriptEnabled, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, "clerk-medins");
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

test("a clerk finds tasks by pinyin initials, filters them, claims two at once and hands one to a colleague", async ({ browser }) => {
  const desk = await clerkPage(browser, { javaScriptEnabled: true });
  const cards = desk.getByRole("list", { name: /待认领/ }).getByRole("listitem");
  await expect(cards).toHaveCount(5);

  await desk.getByRole("searchbox", { name: "搜索" }).fill("zs");
  await desk.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(desk).toHaveURL(/[?&]q=zs(&|$)/);
  await expect(cards).toHaveCount(3);
  for (const card of await cards.all()) await expect(card).toContainText("张三");
  await expect(desk.getByRole("main")).not.toContainText("李四");
  await expect(desk.getByRole("link", { name: /全部\s*3/ })).toBeVisible();
  // The clerk's words for the task's state, not the applicant's.
  await expect(cards.first()).toContainText("待受理");

  await desk.getByText("筛选和排序").click();
  await desk.getByLabel("渠道").selectOption({ label: "网上申请" });
  await desk.getByRole("button", { name: "应用筛选" }).click();
  await expect(desk).toHaveURL(/channel=online/);
  await expect(desk).toHaveURL(/q=zs/);
  await expect(cards).toHaveCount(2);
  await expectNoAxeViolations(desk);

  for (const card of await cards.all()) await card.getByRole("checkbox", { name: /选择/ }).check();
  await desk.getByRole("button", { name: "认领所选任务" }).click();
  await expect(desk).toHaveURL(/\/desk\/bulk\?do=claim&/);
  await expect(desk.getByRole("heading", { level: 1, name: "确认所选任务" })).toBeVisible();
  await expect(desk.getByText("您将认领以下 2 项任务：")).toBeVisible();
  await expectNoAxeViolations(desk);
  await desk.getByRole("button", { name: "确认认领 2 项任务" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已认领 2 项任务" })).toBeVisible();
  const mine = desk.getByRole("list", { name: /我的任务/ }).getByRole("listitem");
  await expect(mine).toHaveCount(2);

  await mine.first().getByRole("checkbox", { name: /选择/ }).check();
  await desk.getByLabel("同事").selectOption({ label: "孙医保" });
  await desk.getByRole("button", { name: "分派所选任务" }).click();
  await expect(desk.getByText("以下 1 项任务将分派给孙医保，对方会收到站内消息：")).toBeVisible();
  await desk.getByRole("button", { name: "确认分派 1 项任务" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已分派 1 项任务" })).toBeVisible();
  await desk.goto("/desk?view=mine");
  await expect(mine).toHaveCount(1);

  // A whole ID number is not searched for, and is not put in the address.
  await desk.getByRole("searchbox", { name: "搜索" }).fill("310104198803124016");
  await desk.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(desk.getByRole("alert", { name: "请检查以下问题" })).toContainText("请按身份证号码或统一社会信用代码的后 4 位搜索");
  expect(desk.url()).not.toContain("310104198803124016");

  // Another department's task, named in a forged address: refused whole, and nothing about it is shown.
  const [medinsTask] = await desk.getByRole("checkbox", { name: /选择/ }).evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
  await desk.goto(`/desk/bulk?do=claim&task=${medinsTask}&task=${fireTask}.1`);
  await expect(desk.getByRole("alert", { name: "无法执行" })).toContainText("此任务不在本部门的待办队列中。");
  await expect(desk.getByText("未作任何更改。")).toBeVisible();
  await expect(desk.getByRole("button", { name: /确认认领/ })).toHaveCount(0);
  await expect(desk.getByRole("main")).not.toContainText("张三");
});

test("without JavaScript, a clerk searches, ticks and claims with the same one confirmation", async ({ browser }) => {
  const desk = await clerkPage(browser, { javaScriptEnabled: false });
  await desk.getByRole("searchbox", { name: "搜索" }).fill("李四");
  await desk.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(desk).toHaveURL(/q=%E6%9D%8E%E5%9B%9B/);
  const cards = desk.getByRole("list", { name: /待认领/ }).getByRole("listitem");
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) await card.getByRole("checkbox", { name: /选择/ }).check();
  await desk.getByRole("button", { name: "认领所选任务" }).click();
  await desk.getByRole("button", { name: "确认认领 2 项任务" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "已认领 2 项任务" })).toBeVisible();
});
