/**
 * 督办, end to end: a company's restaurant waits in the food licence office until its due date (the test clock,
 * ONEDOOR_TEST_CLOCK in playwright.config.ts); the supervisor sends an urging notice from the task's row in the
 * deadline watch; the office's clerk sees it at the top of the queue and on the task, answers it; another office's
 * clerk cannot open it; the supervisor reads the answer in the list of urgings. Every page is scanned with axe.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

async function signedIn(browser: Browser, username: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), username);
  return context;
}

test("an urging notice reaches the department, which answers it, and the supervisor reads the answer", async ({ browser, page }) => {
  const company = await signedIn(browser, "enterprise");
  const tracker = await company.newPage();
  const caseNumber = await submitRestaurant(tracker, restaurantAnswers({ hasOutdoorSign: "否", shopName: "一门督办小馆" }));
  const [, year, month, day] = /市场监督管理局[\s\S]*?应于(\d{4})年(\d{1,2})月(\d{1,2})日前办结/.exec(await tracker.locator("main").innerText())!;
  const dueDate = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  await company.close();

  // On the due date the task is on the supervisor's watch list (yellow), with a way to urge it.
  await signIn(page, "supervisor");
  await page.context().addCookies([{ name: "onedoor-test-now", value: `${dueDate}T10:00:00+08:00`, url: test.info().project.use.baseURL! }]);
  await page.goto("/supervise");
  const watch = page.getByRole("region", { name: "当前黄牌和红牌任务" });
  const row = watch.getByRole("row").filter({ hasText: caseNumber }).filter({ hasText: "市场监督管理局" });
  await expect(row).toContainText("即将到期");
  await row.getByRole("link", { name: `发督办通知 ${caseNumber}` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("食品经营许可");
  await expectNoAxeViolations(page);
  // Sent empty, it is refused in words beside the field, and nothing is sent.
  await page.getByRole("button", { name: "发出督办通知" }).click();
  await expect(page.getByRole("link", { name: "请填写督办内容。" })).toBeVisible();
  await expect(page.getByLabel("督办内容")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("督办内容").fill("该件今日到期，请说明办理进度，并确保按时办结。");
  await page.getByRole("button", { name: "发出督办通知" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "督办通知已发出，部门的办件人员已收到消息。" })).toBeVisible();
  const sent = page.getByRole("region", { name: "待答复", exact: true }).getByRole("listitem").filter({ hasText: caseNumber });
  await expect(sent).toContainText("该件今日到期，请说明办理进度");
  await expect(sent).toContainText("待答复");
  const urgingId = new URL(page.url()).hash.slice("#urging-".length);
  await expectNoAxeViolations(page);

  // The food licence office's clerk: the notice is at the top of the queue, and on the task's page.
  const clerk = await signedIn(browser, "clerk-amr");
  const desk = await clerk.newPage();
  await desk.goto("/desk");
  const notices = desk.getByRole("region", { name: /^督办通知（\d+ 条待答复）$/ });
  const notice = notices.getByRole("listitem").filter({ hasText: caseNumber });
  await expect(notice).toContainText("该件今日到期，请说明办理进度");
  await expectNoAxeViolations(desk);
  await notice.getByRole("link", { name: /食品经营许可/ }).click();
  await expect(desk.getByRole("region", { name: /^督办通知/ })).toContainText("该件今日到期");
  await desk.getByRole("link", { name: `阅读并答复 （办件${caseNumber}的督办通知）` }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toContainText("食品经营许可");
  await desk.getByRole("button", { name: "发送答复" }).click();
  await expect(desk.getByRole("link", { name: "请填写答复内容。" })).toBeVisible();
  await desk.getByLabel("答复内容").fill("已联系申请人补充现场核查安排，将于明日办结。");
  await desk.getByRole("button", { name: "发送答复" }).click();
  await expect(desk.getByRole("status").getByRole("heading", { name: "答复已发送，电子监察会看到。" })).toBeVisible();
  await expectNoAxeViolations(desk);
  await desk.goto("/desk");
  await expect(desk.getByRole("listitem").filter({ hasText: "该件今日到期" })).toHaveCount(0);
  await clerk.close();

  // Another office's clerk is told the notice does not exist.
  const fire = await signedIn(browser, "clerk-fire");
  const foreign = await (await fire.newPage()).goto(`/desk/urgings/${urgingId}`);
  expect(foreign?.status()).toBe(404);
  await fire.close();

  // The supervisor reads the answer, given before the deadline.
  await page.goto("/supervise/urgings");
  const answered = page.getByRole("region", { name: "已答复（最近 200 条）" }).getByRole("listitem").filter({ hasText: caseNumber });
  await expect(answered).toContainText("已联系申请人补充现场核查安排，将于明日办结。");
  await expect(answered).toContainText("按期答复");
  await expect(page.getByRole("region", { name: "待答复", exact: true }).getByRole("listitem").filter({ hasText: caseNumber })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The dashboard counts it: sent this month by the food licence office.
  await page.goto("/supervise");
  const counts = page.getByRole("region", { name: "各部门督办情况" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "市场监督管理局" }) });
  await expect(counts.getByRole("cell").first()).not.toHaveText("0");
});
