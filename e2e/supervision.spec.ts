/**
 * 电子监察, end to end: the supervisor reads the on-time rate of this month's work and downloads the department table
 * as CSV; then a company's restaurant application waits in the food licence office while the test clock moves
 * (ONEDOOR_TEST_CLOCK, playwright.config.ts): on its due date the task carries a yellow card in the live list, the
 * day after a red one, and the department's "overdue now" figure leads to it.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext } from "@playwright/test";
import { addDays } from "@/lib/calendar/working-days";
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitInstantProof, submitRestaurant, test } from "./fixtures";

async function signedIn(browser: Browser, username: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), username);
  return context;
}

async function setTestClock(context: BrowserContext, day: string) {
  const origin = test.info().project.use.baseURL!;
  await context.addCookies([{ name: "onedoor-test-now", value: `${day}T10:00:00+08:00`, url: origin }]);
}

test("the supervisor reads the on-time rate and downloads it as CSV", async ({ browser, page }) => {
  // An instant proof is approved at submission: the social security office has concluded work on time this month.
  const citizen = await signedIn(browser, "citizen");
  await submitInstantProof(await citizen.newPage());
  await citizen.close();

  await signIn(page, "supervisor");
  await page.goto("/supervise");
  await expect(page.getByRole("heading", { level: 1, name: "电子监察" })).toBeVisible();
  const table = page.getByRole("region", { name: "各部门办理情况" });
  const hrss = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "人力资源和社会保障局" }) });
  await expect(hrss.getByRole("cell").nth(6)).toHaveText("100%");
  await expect(page.getByRole("table", { name: "办件量与按时办结率" })).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载“各部门办理情况”CSV 文件" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^supervision-departments-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toMatch(/^部门,收件,办结,准予,不予受理,不予许可,撤回,按时办结率 \(%\),/);
  const hrssLine = lines.find((line) => line.startsWith("人力资源和社会保障局,"))!.split(",");
  expect(Number(hrssLine[2])).toBeGreaterThanOrEqual(1);
  expect(hrssLine[7]).toBe("100");

  // A reversed range is refused in the reader's language, and the page shows this month instead.
  await page.getByLabel("开始日期").fill("2026-03-02");
  await page.getByLabel("结束日期").fill("2026-03-01");
  await page.getByRole("button", { name: "查看" }).click();
  // (Next's route announcer is an alert too: find ours by its words.)
  await expect(page.getByRole("alert").filter({ hasText: "开始日期不能晚于结束日期。" })).toContainText("下面显示的是本月");
});

test("a waiting task turns yellow on its due date and red the day after", async ({ browser, page }) => {
  const company = await signedIn(browser, "enterprise");
  const tracker = await company.newPage();
  const caseNumber = await submitRestaurant(tracker, restaurantAnswers({ hasOutdoorSign: "否" }));
  // The tracker says when the food licence office must decide: "应于2026年12月11日前办结（还剩 5 个工作日）".
  const [, year, month, day] = /市场监督管理局[\s\S]*?应于(\d{4})年(\d{1,2})月(\d{1,2})日前办结/.exec(await tracker.locator("main").innerText())!;
  const dueDate = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  await company.close();

  await signIn(page, "supervisor");
  const caseRow = () => page.getByRole("region", { name: "当前黄牌和红牌任务" }).getByRole("row").filter({ hasText: caseNumber });
  await page.goto("/supervise");
  await expect(caseRow()).toHaveCount(0);

  await setTestClock(page.context(), dueDate);
  await page.goto("/supervise");
  await expect(page.getByText(/测试时钟已开启/)).toBeVisible();
  await expect(caseRow().filter({ hasText: "市场监督管理局" })).toContainText("即将到期");

  await setTestClock(page.context(), addDays(dueDate, 1));
  await page.goto("/supervise");
  await expect(caseRow().filter({ hasText: "市场监督管理局" })).toContainText("已超期");
  await expectNoAxeViolations(page);

  // The food licence office's overdue figure leads to its overdue tasks, ours among them.
  await page.getByRole("link", { name: /^市场监督管理局：\d+ 件超期任务/ }).first().click();
  await expect(page.getByText("只显示市场监督管理局的超期任务。")).toBeVisible();
  await expect(caseRow()).toContainText("已超期");
  await expect(page.getByRole("region", { name: "当前黄牌和红牌任务" }).getByRole("row").filter({ hasText: "消防救援支队" })).toHaveCount(0);
});

test("without JavaScript the dashboard is its tables, and the range form still works, in English too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await signIn(page, "supervisor");
  await page.goto("/supervise");
  await expect(page.getByRole("heading", { level: 1, name: "Supervision" })).toBeVisible();
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To").fill("2026-06-30");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/supervise\?from=2026-01-01&to=2026-06-30$/);
  // Over six months the volumes are by month: January to June, each a row of the table.
  const trend = page.getByRole("table", { name: "Volumes and on-time rate" });
  await expect(trend.getByRole("rowheader")).toHaveText(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
  await expect(page.getByRole("link", { name: "Download “Work by department” as CSV" })).toHaveAttribute("href", "/supervise/export?table=departments&from=2026-01-01&to=2026-06-30");
  await context.close();
});
