/**
 * An administrator adds a service (事项), writes its guide as a draft — a time limit refused first, with the reason
 * next to the field — and publishes it; a citizen then reads the guide with its process steps and where to go, and
 * is told it cannot be applied for online yet (it has no form). A second draft, published, becomes version 2: the
 * citizen reads the new steps, and the admin can still open version 1. A review body of its own, refused while typed
 * in one language only, is published as version 3 and named in the citizen's guide.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/** Types one item a line into a list's three textareas (简体中文, 繁体中文, 英文). */
async function fillList(page: Page, legend: string, lines: [string[], string[], string[]]) {
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("简体中文", { exact: true }).fill(lines[0].join("\n"));
  await group.getByLabel("繁体中文", { exact: true }).fill(lines[1].join("\n"));
  await group.getByLabel("英文", { exact: true }).fill(lines[2].join("\n"));
}

async function fillLocalized(scope: Locator, texts: [string, string, string]) {
  await scope.getByLabel("简体中文", { exact: true }).fill(texts[0]);
  await scope.getByLabel("繁体中文", { exact: true }).fill(texts[1]);
  await scope.getByLabel("英文", { exact: true }).fill(texts[2]);
}

test("the admin creates a service, publishes its guide twice, and a citizen reads each version", async ({ browser, page }) => {
  // A new code each run, so the journey can run again against the same server.
  const code = `HRSS-E2E-${Date.now().toString(36).toUpperCase()}`;

  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "事项", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("事项管理");
  await expect(page.getByRole("table", { name: /事项/ })).toContainText("HRSS-PROOF");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "新增事项" }).click();

  // A code already taken is refused, with what was typed kept.
  await page.getByLabel("事项编码").fill("HRSS-PROOF");
  await fillLocalized(page.getByRole("group", { name: "事项名称" }), ["老年人优待证办理", "老年人優待證辦理", "Senior citizen card"]);
  await page.getByLabel("办理部门").selectOption({ label: "人力资源和社会保障局 (HRSS)" });
  await page.getByRole("radio", { name: "个人" }).check();
  await page.getByRole("radio", { name: /承诺件/ }).check();
  await page.getByRole("button", { name: "新增事项" }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toContainText("该编码已被其他事项或“一件事”使用");
  await expect(page.getByRole("group", { name: "事项名称" }).getByLabel("英文", { exact: true })).toHaveValue("Senior citizen card");
  await expectNoAxeViolations(page);
  await page.getByLabel("事项编码").fill(code);
  await page.getByRole("button", { name: "新增事项" }).click();
  await page.waitForURL(new RegExp(`/admin/services/${code}\\?saved=created$`));
  await expect(page.getByText(`已新增事项 ${code}`)).toBeVisible();
  await expect(page.getByText("还没有申请表")).toBeVisible();
  await expect(page.getByRole("link", { name: "创建申请表" })).toHaveAttribute("href", `/admin/forms/service/${code}`);

  // The guide, with a promised limit longer than the legal one: refused next to the field.
  await fillLocalized(page.getByRole("group", { name: "简介" }), ["年满60周岁的本市户籍老年人可申领优待证。", "年滿60週歲的本市戶籍老年人可申領優待證。", "Residents aged 60 or over can get a senior citizen card."]);
  await page.getByLabel("主题").selectOption({ label: "社保就业" });
  await fillList(page, "受理条件", [["年满60周岁", "本市户籍"], ["年滿60週歲", "本市戶籍"], ["Aged 60 or over", "Registered in this city"]]);
  const material = page.getByRole("group", { name: "材料 1" });
  await material.getByLabel("名称（简体中文）").fill("居民身份证");
  await material.getByLabel("名称（繁体中文）").fill("居民身份證");
  await material.getByLabel("名称（英文）").fill("Resident ID card");
  await material.getByLabel("必须提交").check();
  await fillLocalized(page.getByRole("group", { name: "收费标准" }), ["不收费", "不收費", "Free"]);
  await fillList(page, "设定依据", [["《中华人民共和国老年人权益保障法》"], ["《中華人民共和國老年人權益保障法》"], ["Law on the Protection of the Rights and Interests of the Elderly"]]);
  await page.getByLabel("法定办结时限（工作日）").fill("5");
  await page.getByLabel("承诺办结时限（工作日）").fill("8");
  await fillList(page, "办理流程", [["网上提交申请", "窗口审核", "领取优待证"], ["網上提交申請", "窗口審核", "領取優待證"], ["Apply online", "The counter checks it", "Collect the card"]]);
  await page.getByLabel("办理地点").fill("人民大道 100 号市民中心 1 楼");
  await page.getByLabel("办理时间").fill("周一至周五 9:00–17:00");
  await page.getByLabel("咨询电话").fill("021-12345678");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toContainText("承诺时限不能长于法定时限。");
  await expect(page.getByLabel("承诺办结时限（工作日）")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("承诺办结时限（工作日）").fill("3");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await page.waitForURL(/\?saved=draft$/);
  await page.getByRole("button", { name: "发布为第 1 版" }).click();
  await page.waitForURL(/\?saved=published&version=1$/);
  await expect(page.getByText("已发布第 1 版办事指南")).toBeVisible();

  // A citizen reads the published guide: its steps, where to go, and that it cannot be applied for online yet.
  const context = await browser.newContext();
  const citizen = await context.newPage();
  await signIn(citizen, "citizen");
  await citizen.goto(`/services?department=HRSS`);
  await citizen.getByRole("link", { name: "老年人优待证办理" }).click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("老年人优待证办理");
  const steps = citizen.getByRole("list").filter({ hasText: "网上提交申请" });
  await expect(steps.getByRole("listitem")).toHaveText(["网上提交申请", "窗口审核", "领取优待证"]);
  await expect(citizen.getByRole("heading", { name: "办理地点和时间" })).toBeVisible();
  await expect(citizen.getByText("人民大道 100 号市民中心 1 楼")).toBeVisible();
  await expect(citizen.getByText("本事项暂未开通网上申请")).toBeVisible();
  await expect(citizen.getByRole("link", { name: /立即申请/ })).toHaveCount(0);
  await expectNoAxeViolations(citizen);
  await citizen.goto(`/apply/${code}`);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("暂未开通网上申请");

  // The second version: a step reworded, published.
  await fillList(page, "办理流程", [["网上或窗口提交申请", "窗口审核", "邮寄或领取优待证"], ["網上或窗口提交申請", "窗口審核", "郵寄或領取優待證"], ["Apply online or at the counter", "The counter checks it", "Get the card by post or collect it"]]);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await page.waitForURL(/\?saved=draft$/);
  await page.getByRole("button", { name: "发布为第 2 版" }).click();
  await page.waitForURL(/\?saved=published&version=2$/);
  const versions = page.getByRole("region", { name: "已发布的版本" });
  await expect(versions.getByText(/^第 2 版 · /)).toBeVisible();
  await versions.getByText(/^第 1 版 · /).click();
  await expect(versions.getByText("网上提交申请", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await citizen.goto(`/services/${code}`);
  await expect(citizen.getByRole("list").filter({ hasText: "窗口审核" }).getByRole("listitem")).toHaveText(["网上或窗口提交申请", "窗口审核", "邮寄或领取优待证"]);

  // Its decision settings: a review body of its own, refused while typed in one language only, then published.
  const reviewBody = page.getByRole("group", { name: "行政复议机关" });
  await reviewBody.getByLabel("简体中文", { exact: true }).fill("市人民政府");
  await page.getByRole("button", { name: "将决定设置保存到草稿" }).click();
  await expect(page.getByRole("alert", { name: "有问题需要处理" })).toContainText("三种语言都留空以使用部门的设置");
  await expect(reviewBody.getByLabel("英文", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(reviewBody.getByLabel("简体中文", { exact: true })).toHaveValue("市人民政府");
  await expectNoAxeViolations(page);
  await fillLocalized(reviewBody, ["市人民政府", "市人民政府", "The City People's Government"]);
  await page.getByRole("button", { name: "将决定设置保存到草稿" }).click();
  await page.waitForURL(/\?saved=draft$/);
  await page.getByRole("button", { name: "发布为第 3 版" }).click();
  await page.waitForURL(/\?saved=published&version=3$/);
  await page.getByText("当前已发布的设置").click();
  await expect(page.getByRole("region", { name: "决定设置" }).getByText("市人民政府", { exact: true })).toBeVisible();
  await citizen.reload();
  await expect(citizen.getByText("市人民政府", { exact: true })).toBeVisible();
  await context.close();

  // The change record lists the publication.
  await page.goto("/admin/changes?entity=service");
  await expect(page.getByRole("region", { name: "系统管理变更，最新的在前" }).getByRole("row").nth(1)).toContainText("事项 · 已发布");
});
