/**
 * 一窗受理: the counter clerk finds 张三 by the ID number on his card, files the instant social-insurance proof for him
 * through the same wizard with his consent, and prints the receipt; then 张三 signs in and finds the case in /me,
 * saying who filed it. A walk-in who is not on the register is recorded first, with bad input refused in Chinese.
 */
import fs from "node:fs";
import { readPdf } from "../server/testing/pdf-text";
import { ApplyForm, expect, expectNoAxeViolations, proofAnswers, signIn, test } from "./fixtures";

const zhangSanIdNumber = "310104198803124016";

test.describe("filing at the counter", () => {
  test.describe.configure({ mode: "serial" });
  let caseNumber = "";

  test("the counter clerk finds 张三, files HRSS-PROOF for him with his consent, and prints the receipt", async ({ page }) => {
    await signIn(page, "counter");
    await expect(page).toHaveURL(/\/counter$/);
    await expectNoAxeViolations(page);

    // A mistyped number is refused in the clerk's language, and nothing is found.
    await page.getByLabel("证件号码").fill("310104198803124017");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    await expect(page.getByText("号码校验不通过")).toBeVisible();
    await expect(page.getByLabel("证件号码")).toHaveValue("310104198803124017");

    await page.getByLabel("证件号码").fill(zhangSanIdNumber);
    await page.getByRole("button", { name: "查找", exact: true }).click();
    await page.waitForURL(/\/counter\/applicants\/[0-9a-f-]{36}$/);
    // The number went in the post body: the address names only the record's opaque id.
    expect(page.url()).not.toContain(zhangSanIdNumber);
    await expect(page.getByRole("heading", { level: 1, name: "张三" })).toBeVisible();
    await expect(page.getByText("3101**********4016")).toBeVisible();
    await expect(page.getByText(zhangSanIdNumber)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByLabel("要办的事项").selectOption({ label: "人力资源和社会保障局 · 社会保险参保缴费证明" });
    await page.getByRole("button", { name: "开始填写" }).click();
    await page.waitForURL(/\/apply\/HRSS-PROOF\/[0-9a-f-]{36}\/[a-zA-Z]+$/);
    await expect(page.getByText("窗口代为申请：")).toBeVisible();
    // The register's data is 张三's, not the clerk's, his ID number masked on the clerk's screen.
    const form = new ApplyForm(page);
    await expect(form.field("申请人姓名")).toHaveValue("张三");
    await expect(form.field("申请人公民身份号码")).toHaveValue("3101**********4016");
    await expect(page.getByText(zhangSanIdNumber)).toHaveCount(0);
    const answers = proofAnswers();
    await form.field("险种").selectOption({ label: answers.insuranceType });
    await form.field("缴费起始日期").fill(answers.periodStart);
    await form.field("缴费截止日期").fill(answers.periodEnd);
    await form.field("证明用途").selectOption({ label: answers.purpose });
    await form.continue();
    await expect(page).toHaveURL(/\/check$/);
    await expectNoAxeViolations(page);

    const consent = page.getByRole("checkbox", { name: "申请人已核对以上填写内容，同意由综合窗口代为提交本申请。" });
    await expect(consent).toHaveAttribute("required", "");
    await consent.check();
    await form.submitButton.click();
    await page.waitForURL(/\/counter\/cases\/[^/?]+\?submitted=1$/);
    caseNumber = decodeURIComponent(/\/counter\/cases\/([^/?]+)/.exec(new URL(page.url()).pathname)![1]);
    await expect(page.getByRole("heading", { name: "已代为提交" })).toBeVisible();
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "打印受理回执（PDF）" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`受理回执-${caseNumber}.pdf`);
    const read = await readPdf(new Uint8Array(fs.readFileSync(await download.path())));
    const lines = read.pages[0].lines.map((line) => line.text);
    expect(lines).toContain(`办件编号 ${caseNumber}`);
    expect(lines).toContain("申请人 张三");
    expect(lines).toContain("受理方式 综合窗口代办，经办人：赵窗口");
    expect(read.text).not.toContain(zhangSanIdNumber);

    await page.goto("/counter/cases");
    const row = page.locator("#filed-cases tr").filter({ hasText: caseNumber });
    await expect(row.getByRole("link", { name: "社会保险参保缴费证明" })).toBeVisible();
    await expect(row.getByText("张三")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("张三 signs in and finds the case in /me, filed at the counter by 赵窗口", async ({ page }) => {
    await signIn(page, "citizen");
    await page.goto("/me");
    const row = page.locator("#case-table tr").filter({ hasText: caseNumber });
    await expect(row.getByText("综合窗口代办（赵窗口）")).toBeVisible();
    await row.getByRole("link", { name: "社会保险参保缴费证明" }).click();
    await page.waitForURL(new RegExp(`/me/cases/${caseNumber}$`));
    await expect(page.getByText("此申请由综合窗口工作人员赵窗口代为提交。")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("another citizen cannot open the counter's pages, nor the counter clerk the citizen's tracker", async ({ page, browser }) => {
    await signIn(page, "citizen2");
    expect((await page.request.get(`/counter/cases/${caseNumber}`, { maxRedirects: 0 })).status()).toBe(403);
    const counterContext = await browser.newContext();
    const counter = await counterContext.newPage();
    await signIn(counter, "counter");
    expect((await counter.request.get(`/me/cases/${caseNumber}`, { maxRedirects: 0 })).status()).toBe(403);
    await counterContext.close();
  });

  test("a walk-in not on the register is recorded with the minimum data; a duplicate is refused", async ({ page }) => {
    await signIn(page, "counter");
    const newcomer = "310104199001011233";
    await page.getByLabel("证件号码").fill(newcomer);
    await page.getByRole("button", { name: "查找", exact: true }).click();
    await expect(page.getByText("登记库中没有此人。请在下面登记后再办理。")).toBeVisible();
    const record = page.getByRole("region", { name: "登记新的个人" });
    await expect(record.getByLabel("公民身份号码")).toHaveValue(newcomer);
    await expectNoAxeViolations(page);

    // Bad input (a name of spaces only gets past the browser's own check): refused in Chinese, beside each field.
    await record.getByLabel("姓名").fill("   ");
    await record.getByLabel("手机号码（选填）").fill("1380013800");
    await record.getByRole("button", { name: "登记此人" }).click();
    await expect(page.getByRole("alert", { name: "登记未完成" })).toBeVisible();
    await expect(record.getByText("请按证件上的样子输入名称。").first()).toBeVisible();
    await expect(record.getByText("请输入11位大陆手机号码").first()).toBeVisible();
    await expectNoAxeViolations(page);

    await record.getByLabel("姓名").fill("孙小窗");
    await record.getByLabel("手机号码（选填）").fill("");
    await record.getByRole("button", { name: "登记此人" }).click();
    await page.waitForURL(/\/counter\/applicants\/[0-9a-f-]{36}\?recorded=1$/);
    await expect(page.getByText("已登记此人。")).toBeVisible();
    await expect(page.getByText("此人在窗口登记，尚未注册，不能登录。", { exact: false })).toBeVisible();
    await expect(page.getByText("3101**********1233")).toBeVisible();

    // Recording 张三 again: refused, and his record offered instead.
    await page.goto("/counter");
    await page.getByLabel("证件号码").fill("310104199001011241");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    const again = page.getByRole("region", { name: "登记新的个人" });
    await again.getByLabel("姓名").fill("张三");
    await again.getByLabel("公民身份号码").fill(zhangSanIdNumber);
    await again.getByRole("button", { name: "登记此人" }).click();
    await expect(page.getByText("此人已在登记库中，未重复登记。请打开已有记录。")).toBeVisible();
    await again.getByRole("link", { name: "打开已有记录", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "张三" })).toBeVisible();
  });

  test("a company not on the register is recorded and filed for", async ({ page }) => {
    await signIn(page, "counter");
    await page.getByRole("radio", { name: "单位" }).check();
    await page.getByLabel("证件号码").fill("91110108MA01C2XH3P");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    const record = page.getByRole("region", { name: "登记新的单位" });
    await record.getByLabel("单位名称").fill("北京窗口登记有限公司");
    await record.getByLabel("法定代表人").fill("孙大窗");
    await record.getByLabel("注册地址").fill("中关村大街 1 号");
    await record.getByLabel("所在区县代码").fill("110000");
    await record.getByRole("button", { name: "登记该单位" }).click();
    await expect(record.getByText("请输入企业注册地所在区县的6位行政区划代码").first()).toBeVisible();
    await record.getByLabel("所在区县代码").fill("110108");
    await record.getByRole("button", { name: "登记该单位" }).click();
    await page.waitForURL(/\/counter\/applicants\/[0-9a-f-]{36}\?recorded=1$/);
    await expect(page.getByRole("heading", { level: 1, name: "北京窗口登记有限公司" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("要办的事项").selectOption({ label: "开办餐饮店一件事" });
    await page.getByRole("button", { name: "开始填写" }).click();
    await page.waitForURL(/\/apply\/BUNDLE-RESTAURANT\/[0-9a-f-]{36}\/[a-zA-Z]+$/);
    // The company's register data fills the form: it applies in its own name.
    await expect(page.getByLabel("统一社会信用代码", { exact: true })).toHaveValue("91110108MA01C2XH3P");
  });
});
