/**
 * Personal data on the desk: the food clerk sees the food-safety manager's mobile masked and their health certificate
 * (a sensitive answer) hidden whole; a reveal without a purpose is refused; with one, both show once (a reload masks
 * them again) and the company's tracker says which department looked, at what and why — and the download of
 * everything held about the applicant names that look too.
 */
import { expect, expectNoAxeViolations, restaurantAnswers, signIn, submitRestaurant, test } from "./fixtures";

test("a clerk reveals a masked mobile and a hidden sensitive answer with a purpose, and the applicant sees it on the tracker", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "enterprise");
  const caseNumber = await submitRestaurant(page, restaurantAnswers({ hasOutdoorSign: "否", foodSafetyManagerHealthCertificate: "正在办理或者换发" }));
  // The applicant's own tracker shows their own answer.
  await expect(page.getByRole("main")).toContainText("正在办理或者换发");

  const context = await browser.newContext();
  const desk = await context.newPage();
  await signIn(desk, "clerk-amr");
  await desk.getByRole("listitem").filter({ hasText: caseNumber }).getByRole("link", { name: "食品经营许可" }).click();
  await desk.waitForURL(/\/desk\/tasks\/[0-9a-f-]+$/);
  const main = desk.getByRole("main");
  await expect(main).toContainText("137****7000");
  await expect(main).not.toContainText("13700137000");
  // The sensitive answer: its row says it is hidden, and nothing of it shows.
  const healthRow = main.locator("dl > div").filter({ has: desk.getByRole("term").filter({ hasText: /^食品安全管理人员健康证明$/ }) });
  await expect(healthRow.getByRole("definition")).toHaveText("已隐藏（敏感个人信息）");
  await expect(main).not.toContainText("正在办理或者换发");

  await desk.getByText("查看完整信息", { exact: true }).click();
  await desk.getByRole("checkbox", { name: /食品安全管理人员手机号码/ }).check();
  await desk.getByRole("checkbox", { name: /食品安全管理人员健康证明 已隐藏/ }).check();
  await desk.getByRole("button", { name: "查看并记录" }).click();
  await expect(desk.getByRole("alert").filter({ hasText: "无法显示完整信息" })).toContainText("请选择查看完整信息的用途。");
  await expect(main).not.toContainText("13700137000");
  await expect(main).not.toContainText("正在办理或者换发");

  await desk.getByRole("radio", { name: "联系申请人" }).check();
  await desk.getByLabel("说明（选填；选择“其他”时必填）").fill("电话确认开业日期");
  await desk.getByRole("button", { name: "查看并记录" }).click();
  const revealed = desk.getByRole("status").filter({ has: desk.getByRole("heading", { name: "完整信息" }) });
  await expect(revealed).toContainText("13700137000");
  // The sensitive answer reads as the applicant chose it: the option's words, not its stored value.
  await expect(revealed).toContainText("食品安全管理人员健康证明:正在办理或者换发");
  await expectNoAxeViolations(desk);
  // For that page view only.
  await desk.reload();
  await expect(main).toContainText("137****7000");
  await expect(main).not.toContainText("13700137000");
  await expect(main).not.toContainText("正在办理或者换发");
  // The desk's own history records it, with who did it.
  await expect(main).toContainText("查看了完整信息");
  await context.close();

  await page.goto(`/me/cases/${caseNumber}`);
  const timeline = page.getByRole("main");
  await expect(timeline).toContainText("查看了完整信息 — 市场监督管理局");
  await expect(timeline).toContainText("查看内容：食品安全管理人员手机号码、食品安全管理人员健康证明；用途：联系申请人 — 电话确认开业日期");
  await expectNoAxeViolations(page);

  // The person downloads everything held about them (个人信息 → 我的数据): the case is there, and so is the look.
  await page.goto("/me/profile");
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载我的数据（JSON 文件）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^onedoor-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"))) as {
    person: { username: string };
    cases: { number: string; timeline: { kind: string; data: { purpose?: string } }[] }[];
  };
  expect(data.person.username).toBe("enterprise");
  const mine = data.cases.find((entry) => entry.number === caseNumber);
  expect(mine?.timeline.filter((event) => event.kind === "personal-data-revealed").map((event) => event.data.purpose)).toEqual(["contact-applicant"]);
});
